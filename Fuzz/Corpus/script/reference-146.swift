(0...5).dropFirst(2)
