print(2...8, 0..<4, Array(-2...2))
