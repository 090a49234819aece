var digitsMLP = mlp([64, 64, 10], seed: 0)
let mlpLog = train(&digitsMLP, on: d.train, validation: d.validation,
                   epochs: 15, seed: 0)
mlpLog
