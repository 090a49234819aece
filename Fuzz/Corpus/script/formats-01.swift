let w = randn([128, 512], mean: 0, std: 0.02)
print("max|w|:", w.absMax(), " std:", w.std())
