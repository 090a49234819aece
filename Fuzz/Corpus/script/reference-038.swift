var sqnrs = [Double]()
sqnrs.append(49.9)
print(sqnrs, Array(2...5), Array("int4"), Array(repeating: 0, count: 3))
