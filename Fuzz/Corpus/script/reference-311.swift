let w = randn([1000], seed: 1)
print(evaluate(w, quantize(w, bits: 3)).levelsUsed ?? 0, evaluate(w, w * 0.5).levelsUsed == nil)
