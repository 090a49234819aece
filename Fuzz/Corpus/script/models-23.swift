let logRates = rates.map { log10($0) }
plot(line(x: logRates, y: sgdAccuracy, label: "SGD, momentum 0.9"),
     line(x: logRates, y: adamAccuracy, label: "Adam"),
     title: "Learning-rate sweep, moons MLP, 15 epochs",
     xLabel: "log₁₀ of the learning rate", yLabel: "validation accuracy")
