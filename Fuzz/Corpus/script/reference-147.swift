(0...5).dropLast()
