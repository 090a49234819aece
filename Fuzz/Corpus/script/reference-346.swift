mlp([2, 3, 2], seed: 0).layers[0].bias!.values
