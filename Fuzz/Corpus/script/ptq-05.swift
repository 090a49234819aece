var formats = Table(["weights", "accuracy", "bytes", "compression"])
var compressionOf: [String: Double] = [:]
let choices: [(String, Format)] = [("int8", .int8), ("fp8 e4m3", .fp8e4m3), ("int4", .int4),
                                   ("nf4", .nf4), ("q4_0", .q4_0), ("q4_1", .q4_1)]
for (name, format) in choices {
    let q = quantize(net, weights: format)
    formats.append([name, evaluate(q, on: data.test).accuracy, q.bytes, Double(net.bytes) / Double(q.bytes)])
    compressionOf[name] = Double(net.bytes) / Double(q.bytes)
}
formats
