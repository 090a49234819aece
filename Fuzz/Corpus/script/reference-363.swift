var net = mlp([2, 16, 2], seed: 0)
train(&net, on: dataset(.moons, count: 300, seed: 1), epochs: 4, seed: 0).loss
