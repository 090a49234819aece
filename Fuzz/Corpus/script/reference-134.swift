(1...3).forEach { print(String(repeating: "*", count: $0)) }
