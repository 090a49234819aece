let data = dataset(.moons, count: 300, seed: 1)
var net = mlp([2, 16, 2], seed: 0)
train(&net, on: data, epochs: 10, seed: 0)
print(net.predict(data.features).prefix(10), data.labels.prefix(10))
