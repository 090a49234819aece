let w = randn([128, 512], mean: 0, std: 0.02)
print("max|w|:", w.absMax(), " std:", w.std())
// %%
let e4m3 = quantize(w, format: .fp8e4m3)
let e5m2 = quantize(w, format: .fp8e5m2)
let e4m3SQNR = evaluate(w, e4m3).sqnr
let e5m2SQNR = evaluate(w, e5m2).sqnr
print("E4M3 scale:", e4m3.scales[0], " = max|w| / 448")
print("E4M3 SQNR:", e4m3SQNR, " E5M2 SQNR:", e5m2SQNR)
// %%
let nf4 = quantize(w, format: .nf4)
nf4
// %%
let q40 = quantize(w, format: .q4_0)
print("Q4_0:", q40.bytes, "bytes =", 8.0 * Double(q40.bytes) / Double(w.count), "bits per weight")
print("SQNR:", evaluate(w, q40).sqnr, "dB")
// %%
var table = Table(["format", "bytes", "bits per weight", "SQNR (dB)", "max error"])
let i8 = quantize(w, format: .int8, granularity: .perChannel(axis: 0))
let i4c = quantize(w, format: .int4, granularity: .perChannel(axis: 0))
let i4t = quantize(w, format: .int4)
let q80 = quantize(w, format: .q8_0)
let q41 = quantize(w, format: .q4_1)
let candidates = [
    ("int8, per channel", dequantize(i8), i8.bytes),
    ("q8_0", dequantize(q80), q80.bytes),
    ("fp8 e4m3", dequantize(e4m3), e4m3.bytes),
    ("fp8 e5m2", dequantize(e5m2), e5m2.bytes),
    ("q4_1", dequantize(q41), q41.bytes),
    ("q4_0", dequantize(q40), q40.bytes),
    ("nf4", dequantize(nf4), nf4.bytes),
    ("int4, per channel", dequantize(i4c), i4c.bytes),
    ("int4, per tensor", dequantize(i4t), i4t.bytes),
]
var names: [String] = []
var sqnrs: [Double] = []
var sqnrOf: [String: Double] = [:]
for (name, approximation, bytes) in candidates {
    let e = evaluate(w, approximation)
    table.append([name, bytes, 8.0 * Double(bytes) / Double(w.count), e.sqnr, e.maxError])
    names.append(name)
    sqnrs.append(e.sqnr)
    sqnrOf[name] = e.sqnr
}
table
// %%
bar(labels: names, values: sqnrs, label: "SQNR (dB)")
// %%
let int4Tensor = sqnrOf["int4, per tensor"]!
let int4Channel = sqnrOf["int4, per channel"]!
let nf4SQNR = sqnrOf["nf4"]!
let q40SQNR = sqnrOf["q4_0"]!
let q41SQNR = sqnrOf["q4_1"]!
let int8Channel = sqnrOf["int8, per channel"]!
