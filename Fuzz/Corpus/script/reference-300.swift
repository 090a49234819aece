matmul(quantize(tensor([[1, 2]]), bits: 8), quantize(tensor([[3], [4]]), bits: 8)).values
