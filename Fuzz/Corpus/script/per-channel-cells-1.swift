let base = randn([64, 256], mean: 0, std: 0.02)
let rowScale = (0..<64).map { $0 == 5 || $0 == 26 || $0 == 47 ? 20.0 : 1.0 }
let w = base * tensor(rowScale).reshaped([64, 1])
print("largest |w| per channel: typical", base[0].absMax(), " outlier", w[5].absMax())
w
// %%
let perTensor = quantize(w, bits: 8)
print("scale:", perTensor.scale, "— set by the outlier channels")
let overall = evaluate(w, perTensor)
overall
// %%
let rows = evaluate(w, perTensor, axis: 0)
print("channel 0 SQNR:", evaluate(w[0], dequantize(perTensor)[0]).sqnr, "dB")
print("channel 5 SQNR:", evaluate(w[5], dequantize(perTensor)[5]).sqnr, "dB")
let levels0 = quantize(w[0], scale: perTensor.scale, zeroPoint: 0).levelsUsed
print("levels used by channel 0:", levels0, "of 255")
// %%
let perChannel = quantize(w, bits: 8, granularity: .perChannel(axis: 0))
perChannel
// %%
let tensorRows = evaluate(w, perTensor, axis: 0)
let channelRows = evaluate(w, perChannel, axis: 0)
var sqnrTensor: [Double] = []
var sqnrChannel: [Double] = []
for c in 0..<64 {
    sqnrTensor.append(evaluate(w[c], dequantize(perTensor)[c]).sqnr)
    sqnrChannel.append(evaluate(w[c], dequantize(perChannel)[c]).sqnr)
}
plot(line(x: 0..<64, y: sqnrChannel, label: "per channel"),
     line(x: 0..<64, y: sqnrTensor, label: "per tensor"),
     title: "SQNR per output channel, int8", xLabel: "output channel", yLabel: "SQNR (dB)")
// %%
let ordinary = (0..<64).filter { rowScale[$0] == 1.0 }
let losses = ordinary.map { sqnrChannel[$0] - sqnrTensor[$0] }
let meanLoss = losses.reduce(0, +) / Double(losses.count)
// %%
var table = Table(["granularity", "scales", "bytes", "bits per weight", "SQNR (dB)"])
for (name, g) in [("per tensor", Granularity.perTensor), ("per channel", .perChannel(axis: 0)),
                  ("per group of 128", .perGroup(size: 128)), ("per group of 32", .perGroup(size: 32))] {
    let q = quantize(w, bits: 4, granularity: g)
    table.append([name, q.scales.count, q.bytes, 8.0 * Double(q.bytes) / Double(w.count), evaluate(w, q).sqnr])
}
table
