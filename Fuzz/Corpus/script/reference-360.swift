let net = mlp([64, 128, 10], seed: 0)
compare(net, quantize(net, weights: .int4), on: dataset(.digits)).referenceBytes
