let data = dataset(.moons, count: 400, seed: 1).split(train: 0.8)
var net = mlp([2, 16, 2], seed: 0)
train(&net, on: data.train, epochs: 10, seed: 0)
compare(net, quantize(net, weights: .int4), on: data.test)
