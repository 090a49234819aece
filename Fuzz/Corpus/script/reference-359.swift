let net = mlp([2, 16, 2], seed: 0)
compare(net, quantize(net, bits: 2), on: dataset(.moons, count: 200, seed: 1)).candidateAccuracy
