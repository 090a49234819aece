var sgdNet = mlp([2, 32, 32, 2], seed: 0)
let sgdLog = train(&sgdNet, on: data.train, validation: data.validation,
                   epochs: 20, optimizer: .sgd, seed: 0)
let epochs = 1...20
let sgd = "SGD, momentum 0.9"
grid([plot(line(x: epochs, y: sgdLog.loss, label: sgd),
           line(x: epochs, y: moonsLog.loss, label: "Adam"),
           title: "Training loss", xLabel: "epoch", yLabel: "cross-entropy"),
      plot(line(x: epochs, y: sgdLog.validationAccuracy, label: sgd),
           line(x: epochs, y: moonsLog.validationAccuracy, label: "Adam"),
           title: "Validation accuracy", xLabel: "epoch", yLabel: "accuracy")])
