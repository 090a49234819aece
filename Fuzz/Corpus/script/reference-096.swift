[4, 8, 8, 2].lastIndex(of: 8)
