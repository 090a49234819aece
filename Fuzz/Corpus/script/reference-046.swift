rand([4], in: -1...1, seed: 3).values
