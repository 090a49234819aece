let data = dataset(.moons, count: 300, seed: 1)
var net = mlp([2, 16, 2], seed: 0)
train(&net, on: data, epochs: 10, seed: 0)
compare(net, quantize(net, weights: .int8, activations: .uint8, calibration: data), on: data, integer: true)
