let convLog = train(&conv, on: d.train, validation: d.validation,
                    epochs: 10, seed: 0)
print(convLog)
let perEpoch = convLog.validationAccuracy.map { String(format: "%.3f", $0) }
print("validation accuracy per epoch:", perEpoch.joined(separator: " "))
