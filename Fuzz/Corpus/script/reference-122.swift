var bits = [2, 4, 8]
bits.swapAt(0, 2)
bits
