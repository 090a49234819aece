prune(mlp([2, 16, 2], seed: 0), sparsity: 0.5).nonzeroParameterCount
