for (i, bits) in [8, 4].enumerated() { print("layer \(i): int\(bits)") }
