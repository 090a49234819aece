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
