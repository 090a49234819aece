let q = quantize(x, bits: 8, scheme: .symmetric)
q
