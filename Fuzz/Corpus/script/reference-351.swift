let data = dataset(.moons, count: 300, seed: 1).split(train: 0.8)
var net = mlp([2, 16, 2], seed: 0)
train(&net, on: data.train, epochs: 10, seed: 0)
evaluate(net, on: data.test)
