let q8 = quantize(w, bits: 8)
print("scale:", q8.scale, " bytes:", q8.bytes, " compression:", q8.compression)
let e8 = evaluate(w, dequantize(q8))
e8
