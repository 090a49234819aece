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
