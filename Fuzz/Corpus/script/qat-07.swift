var lsqTable = Table(["weights / activations", "PTQ", "QAT", "QAT + LSQ"])
var lsqGain: [Double] = []
let hard: [(String, Int, Granularity, Format)] = [
    ("4 bits per tensor / uint4", 4, .perTensor, .uint4), ("3 bits per tensor / uint4", 3, .perTensor, .uint4),
    ("2 bits per channel / uint8", 2, .perChannel(axis: 0), .uint8),
]
for (name, bits, granularity, activations) in hard {
    let ptq = quantize(net, bits: bits, granularity: granularity, activations: activations,
                       calibration: data.train, range: .percentile(99.9))
    let fixed = qat(net, bits: bits, on: data.train, granularity: granularity, activations: activations,
                    range: .percentile(99.9), epochs: 10, seed: 2)
    let learned = qat(net, bits: bits, on: data.train, granularity: granularity, activations: activations,
                      range: .percentile(99.9), learnedStepSizes: true, epochs: 10, seed: 2)
    lsqTable.append([name, evaluate(ptq, on: data.test).accuracy, evaluate(fixed, on: data.test).accuracy,
                     evaluate(learned, on: data.test).accuracy])
    lsqGain.append(evaluate(learned, on: data.test).accuracy - evaluate(fixed, on: data.test).accuracy)
}
lsqTable
