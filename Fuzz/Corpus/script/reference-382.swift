let data = dataset(.moons, count: 300, seed: 1)
for o: Optimizer in [.sgd(momentum: 0.9), .adam] {
    var net = mlp([2, 16, 2], seed: 0)
    print(o, train(&net, on: data, epochs: 5, optimizer: o, seed: 0).loss.last ?? 0)
}
