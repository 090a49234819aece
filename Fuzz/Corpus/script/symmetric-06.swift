let w = randn([512, 512], mean: 0, std: 0.02)
w
