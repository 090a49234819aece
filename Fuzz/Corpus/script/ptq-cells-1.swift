let data = dataset(.digits).split(train: 0.7, validation: 0.15, seed: 0).standardized()
var net = mlp([64, 64, 32, 10], seed: 0)
let log = train(&net, on: data.train, validation: data.validation, epochs: 25, seed: 1)
let float = evaluate(net, on: data.test)
print("test accuracy:", float.accuracy, " parameters:", net.parameterCount, " bytes:", net.bytes)
net
// %%
var sweep = Table(["bits", "per tensor", "per channel", "bytes"])
let bitWidths = [8, 6, 5, 4, 3, 2]
var perTensorAccuracy: [Double] = []
var perChannelAccuracy: [Double] = []
var changedAt4 = 0
for bits in bitWidths {
    let tensorWise = evaluate(quantize(net, bits: bits, granularity: .perTensor), on: data.test).accuracy
    let channelNet = quantize(net, bits: bits)
    let channelWise = evaluate(channelNet, on: data.test).accuracy
    perTensorAccuracy.append(tensorWise)
    perChannelAccuracy.append(channelWise)
    sweep.append([bits, tensorWise, channelWise, channelNet.bytes])
    if bits == 4 {
        let agreement = compare(net, channelNet, on: data.test).agreement
        changedAt4 = Int(((1 - agreement) * Double(data.test.count)).rounded())
    }
}
sweep
// %%
plot(line(x: bitWidths, y: perTensorAccuracy, label: "per tensor"),
     line(x: bitWidths, y: perChannelAccuracy, label: "per channel"),
     hline(float.accuracy, label: "Float32"),
     title: "Accuracy of the weight-quantized network",
     xLabel: "weight bits", yLabel: "test accuracy")
// %%
var smallest = 8
for (index, bits) in bitWidths.enumerated() where perChannelAccuracy[index] >= float.accuracy - 0.01 {
    smallest = min(smallest, bits)
}
print("smallest per-channel width within 1 point of Float32:", smallest, "bits")
// %%
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
// %%
let q8 = quantize(net, weights: .int8, activations: .uint8, calibration: data.validation)
q8
// %%
let int8Comparison = compare(net, q8, on: data.test)
int8Comparison
