matmul(quantize(randn([4, 16], seed: 1), bits: 8), quantize(randn([16, 3], seed: 2), bits: 8)).shape
