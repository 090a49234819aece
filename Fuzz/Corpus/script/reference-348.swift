quantize(mlp([64, 128, 10], seed: 0), weights: .int8).layers.map { $0.bytes }
