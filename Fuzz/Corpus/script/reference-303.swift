let w = randn([1024], std: 0.02, seed: 1)
evaluate(w, quantize(w, bits: 4))
