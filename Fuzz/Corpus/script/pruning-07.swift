func bitmaskBytes(_ n: Network, bits: Int) -> Int {
    var total = n.bytes
    for layer in n.layers where layer.weight != nil {
        let w = layer.weight!
        let nonzero = w.values.filter { $0 != 0 }.count
        let mask = (w.count + 7) / 8
        total += mask + (nonzero * bits + 7) / 8 - w.count * bits / 8
    }
    return total
}
let sparse = prune(net, sparsity: 0.8, fineTuneOn: data.train,
                   epochs: 5, learningRate: 0.003, seed: 1)
var combined = Table(["network", "sparsity", "accuracy",
                      "bytes (dense)", "bytes (bitmask)"])
var bitmaskOf: [String: Int] = [:]
let variants = [("float32", net, 32), ("80 % pruned", sparse, 32),
                ("int8", quantize(net, weights: .int8), 8),
                ("80 % pruned, int8", quantize(sparse, weights: .int8), 8),
                ("int4", quantize(net, weights: .int4), 4),
                ("80 % pruned, int4", quantize(sparse, weights: .int4), 4)]
for (name, model, bits) in variants {
    combined.append([name, model.sparsity,
                     evaluate(model, on: data.test).accuracy,
                     model.bytes, bitmaskBytes(model, bits: bits)])
    bitmaskOf[name] = bitmaskBytes(model, bits: bits)
}
combined
