let result = (bits: 4, sqnr: 25.8)
print(result.bits, result.1, result)
