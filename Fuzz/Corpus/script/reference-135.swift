print((-128...127).contains(128), (0..<8).contains { $0 * $0 == 49 })
