let x = tensor([0.1, -0.7, 1.25, 1.9, -2.5])
let q = quantize(x, bits: 8, fractionalBits: 6)
print("codes:", q.values, " scale:", q.scale)
print("back: ", dequantize(q))
