prune(mlp([2, 16, 2], seed: 0), sparsity: 0.5, layers: ["dense1"]).layers.map { $0.sparsity }
