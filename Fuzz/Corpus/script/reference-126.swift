print((0..<0).isEmpty, (0...0).isEmpty)
