let q = quantize(tensor([0.5, -1.75, 0.25, 3.5]), bits: 4)
print(q.values, dequantize(q).values)
dequantize(quantize(tensor([0.3, -1.1]), format: .fp8e4m3)).values
