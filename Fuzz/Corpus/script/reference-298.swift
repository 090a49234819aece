quantize(randn([128], seed: 1), format: .nf4(blockSize: 64)).scales
