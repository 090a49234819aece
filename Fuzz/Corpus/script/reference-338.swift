mlp([2, 16, 3], seed: 0).classes
