mlp([2, 16, 2], seed: 0).parameterCount   // 2·16 + 16 + 16·2 + 2
