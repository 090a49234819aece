quantize(randn([64, 32], seed: 1), format: .fp8e4m3).shape
