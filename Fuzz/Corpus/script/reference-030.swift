print(min(3, 8), min(0.5, -1.25, 0.25))
