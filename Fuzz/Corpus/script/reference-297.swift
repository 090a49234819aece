quantize(randn([64, 32], seed: 1), format: .q4_1).compression
