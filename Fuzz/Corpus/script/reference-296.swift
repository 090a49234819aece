let w = randn([64, 32], seed: 1)
print(quantize(w, format: .fp8e4m3).bytes, quantize(w, format: .nf4).bytes, quantize(w, format: .q4_0).bytes)
