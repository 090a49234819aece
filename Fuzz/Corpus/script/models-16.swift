var conv = cnn(input: [1, 8, 8], channels: [8, 16], classes: 10, seed: 0)
conv
