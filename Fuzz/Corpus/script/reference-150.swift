(0..<8).description
