mlp([2, 16, 2], seed: 0).layers.map { $0.parameterCount }
