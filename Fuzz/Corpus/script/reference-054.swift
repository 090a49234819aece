let x = quantize(tensor([[1.0, -0.5]]), bits: 8)
let w = quantize(tensor([[0.25], [0.75]]), bits: 8)
requantize(matmul(x, w), scale: 0.01).values   // in floats: (0.25 - 0.375) / 0.01 = -12.5
