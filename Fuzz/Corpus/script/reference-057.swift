let image = quantize(linspace(0, 1, count: 16).reshaped([1, 1, 4, 4]), bits: 8)
let edge = quantize(tensor([[[[1, -1], [1, -1]]]]), bits: 8)
dequantize(conv2d(image, edge, stride: 2)).values
