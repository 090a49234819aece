quantize(randn([64, 32], std: 0.02, seed: 1), bits: 8)
