transfer(quantize(x, bits: 3))
