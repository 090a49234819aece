let x = quantize(tensor([[1.0, -0.5], [0.25, 2.0]]), bits: 8)
matmul(x, quantize(tensor([[0.5, 1], [1, -1]]), bits: 8))
