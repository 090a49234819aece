let data = dataset(.spirals(arms: 3), count: 1500, noise: 0.02, seed: 3).split(train: 0.7, validation: 0.15, seed: 0)
var net = mlp([2, 64, 64, 3], seed: 0)
train(&net, on: data.train, epochs: 60, seed: 1)
let float = evaluate(net, on: data.test)
print("Float32 test accuracy:", float.accuracy, " bytes:", net.bytes)
// %%
plot(scatter(data.test, predictions: net.predict(data.test)), title: "Float32 predictions")
// %%
let configurations: [(String, Int, Granularity)] = [
    ("4 bits, per tensor", 4, .perTensor), ("3 bits, per tensor", 3, .perTensor),
    ("3 bits, per channel", 3, .perChannel(axis: 0)), ("2 bits, per channel", 2, .perChannel(axis: 0)),
]
var ptqAccuracy: [Double] = []
var ptqTable = Table(["weights", "accuracy"])
for (name, bits, granularity) in configurations {
    let q = quantize(net, bits: bits, granularity: granularity, activations: .uint8,
                     calibration: data.train, range: .percentile(99.9))
    let accuracy = evaluate(q, on: data.test).accuracy
    ptqAccuracy.append(accuracy)
    ptqTable.append([name, accuracy])
}
ptqTable
// %%
var qatAccuracy: [Double] = []
var comparison = Table(["weights", "PTQ", "QAT"])
for (index, (name, bits, granularity)) in configurations.enumerated() {
    let trained = qat(net, bits: bits, on: data.train, granularity: granularity, activations: .uint8,
                      range: .percentile(99.9), epochs: 10, seed: 2)
    let accuracy = evaluate(trained, on: data.test).accuracy
    qatAccuracy.append(accuracy)
    comparison.append([name, ptqAccuracy[index], accuracy])
}
comparison
// %%
let names = configurations.map { $0.0 }
plot(bar(labels: names, values: names.map { _ in float.accuracy }, label: "Float32"),
     bar(labels: names, values: ptqAccuracy, label: "PTQ"),
     bar(labels: names, values: qatAccuracy, label: "QAT"),
     title: "What quantization-aware training recovers", yLabel: "test accuracy")
// %%
let ptq3 = quantize(net, bits: 3, granularity: .perTensor, activations: .uint8, calibration: data.train,
                    range: .percentile(99.9))
let qat3 = qat(net, bits: 3, on: data.train, granularity: .perTensor, activations: .uint8,
               range: .percentile(99.9), epochs: 10, seed: 2)
grid([plot(scatter(data.test, predictions: ptq3.predict(data.test)), title: "3-bit PTQ"),
      plot(scatter(data.test, predictions: qat3.predict(data.test)), title: "3-bit QAT")], columns: 2)
