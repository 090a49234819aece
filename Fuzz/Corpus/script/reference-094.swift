[-127, 0, 127].allSatisfy { (-128...127).contains($0) }
