var bits = [8, 2]
bits.insert(4, at: 1)
bits
