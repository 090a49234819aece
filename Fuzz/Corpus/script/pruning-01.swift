let data = dataset(.digits).split(train: 0.7, validation: 0.15).standardized()
var net = mlp([64, 64, 10], seed: 0)
train(&net, on: data.train, epochs: 10, seed: 0)
let denseAccuracy = evaluate(net, on: data.test).accuracy
print("test accuracy of the dense network:", denseAccuracy)
net
