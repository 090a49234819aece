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
