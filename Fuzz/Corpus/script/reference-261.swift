randn([64, 32], seed: 1).shape
