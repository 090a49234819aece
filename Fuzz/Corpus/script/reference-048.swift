let x = tensor([[1, 2], [3, 4]])
print(matmul(x, tensor([[0.5], [0.25]])).values)
matmul(quantize(x, bits: 8), quantize(tensor([[0.5], [0.25]]), bits: 8)).values   // int32 sums
