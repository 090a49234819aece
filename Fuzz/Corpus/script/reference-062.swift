cnn(input: [1, 8, 8], channels: [4], classes: 10, seed: 0)
