print([1, 2, 3, 4].dropFirst(), [1, 2, 3, 4].dropFirst(3))
