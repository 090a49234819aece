var bits = [8]
bits.append(4)
bits.append(contentsOf: [3, 2])
bits
