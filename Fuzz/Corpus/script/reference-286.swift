let w = randn([4096], seed: 1)
print(quantize(w, bits: 8).levelsUsed, quantize(w, bits: 8, range: .percentile(99)).levelsUsed)
