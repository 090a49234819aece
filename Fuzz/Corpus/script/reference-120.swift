var bits = [2, 4, 8]
bits.reverse()
bits
