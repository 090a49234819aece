let w = randn([4, 256], std: 0.02, seed: 1)
print(evaluate(w, quantize(w, bits: 8)).sqnr, evaluate(w, fakeQuantize(w, bits: 4)).sqnr)
evaluate(w, quantize(w, bits: 4), axis: 0)   // one row per output channel
