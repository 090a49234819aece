[8, 4].forEach { print("int\($0)") }
