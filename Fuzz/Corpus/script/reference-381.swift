let data = dataset(.circles(), count: 300, seed: 1).split(train: 0.8)
for a: Activation in [.relu, .gelu, .tanh] {
    var net = mlp([2, 16, 2], activation: a, seed: 0)
    train(&net, on: data.train, epochs: 10, seed: 0)
    print(a, evaluate(net, on: data.test).accuracy)
}
