let rates = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0]
var sweep = Table(["learning rate", "SGD accuracy", "SGD loss",
                   "Adam accuracy", "Adam loss"])
var sgdAccuracy: [Double] = []
var adamAccuracy: [Double] = []
for rate in rates {
    var s = mlp([2, 32, 32, 2], seed: 0)
    let sLog = train(&s, on: data.train, validation: data.validation, epochs: 15,
                     learningRate: rate, optimizer: .sgd, seed: 0)
    var a = mlp([2, 32, 32, 2], seed: 0)
    let aLog = train(&a, on: data.train, validation: data.validation, epochs: 15,
                     learningRate: rate, seed: 0)
    sgdAccuracy.append(sLog.validationAccuracy.last!)
    adamAccuracy.append(aLog.validationAccuracy.last!)
    sweep.append([rate, sLog.validationAccuracy.last!, sLog.loss.last!,
                  aLog.validationAccuracy.last!, aLog.loss.last!])
}
sweep
