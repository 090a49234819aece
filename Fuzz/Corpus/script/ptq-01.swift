let data = dataset(.digits).split(train: 0.7, validation: 0.15, seed: 0).standardized()
var net = mlp([64, 64, 32, 10], seed: 0)
let log = train(&net, on: data.train, validation: data.validation, epochs: 25, seed: 1)
let float = evaluate(net, on: data.test)
print("test accuracy:", float.accuracy, " parameters:", net.parameterCount, " bytes:", net.bytes)
net
