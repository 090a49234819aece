let w = randn([256, 256], mean: 0, std: 0.02, seed: 7)
print(w.mean(), w.std())
