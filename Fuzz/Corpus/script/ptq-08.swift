var ranges = Table(["activation range", "uint8", "uint4"])
var uint4Accuracy: [String: Double] = [:]
let methods: [(String, Calibration)] = [("min/max", .minMax), ("percentile 99.9", .percentile(99.9)),
                                        ("MSE", .mse), ("entropy", .entropy)]
for (name, method) in methods {
    let a8 = quantize(net, weights: .int8, activations: .uint8, calibration: data.validation, range: method)
    let a4 = quantize(net, weights: .int8, activations: .uint4, calibration: data.validation, range: method)
    ranges.append([name, evaluate(a8, on: data.test).accuracy, evaluate(a4, on: data.test).accuracy])
    uint4Accuracy[name] = evaluate(a4, on: data.test).accuracy
}
ranges
