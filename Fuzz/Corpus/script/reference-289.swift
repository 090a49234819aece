quantize(randn([64, 32], seed: 1), bits: 8).count
