print([1, 2, 3, 4].dropLast(), [1, 2, 3, 4].dropLast(2))
