let acc = matmul(quantize(tensor([[1, 2]]), bits: 8), quantize(tensor([[3], [4]]), bits: 8))
print(acc.scales, (2.0 / 127) * (4.0 / 127))
