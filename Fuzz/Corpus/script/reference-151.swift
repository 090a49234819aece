print((-128...127).lowerBound, (0..<256).lowerBound)
