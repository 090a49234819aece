let w = randn([64, 32], seed: 1)
print(quantize(w, bits: 8).bytes, quantize(w, bits: 4).bytes, quantize(w, bits: 4, granularity: .perGroup(size: 32)).bytes)
