quantize(randn([64], seed: 1), format: .q4_0).format
