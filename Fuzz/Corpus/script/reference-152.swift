print((-128...127).upperBound, (0..<256).upperBound)
