let x = tensor([0.5, -1.2, 3.1, -2.4, 0.05])
let bits = 8
let qmax = (1 << (bits - 1)) - 1   // 127 codes on each side of zero
let step = x.absMax() / Double(qmax)
print("max|x| =", x.absMax(), " qmax =", qmax, " step =", step)
let codes = x.values.map { ($0 / step).rounded(.toNearestOrEven) }
codes
// %%
let q = quantize(x, bits: 8, scheme: .symmetric)
q
// %%
let xHat = dequantize(q)
let error = xHat - x
print("x̂     =", xHat)
print("error =", error)
print("half a step =", q.scale / 2)
// %%
transfer(quantize(x, bits: 3))
// %%
let ties = tensor([0.5, 1.5, 2.5, -0.5, -1.5, -2.5])
let tieCodes = quantize(ties, scale: 1, zeroPoint: 0, bits: 8).values
tieCodes
// %%
let w = randn([512, 512], mean: 0, std: 0.02)
w
// %%
let q4 = quantize(w, bits: 4)
plot(histogram(w, bins: 80, label: "weights"),
     levels(q4, label: "int4 levels"),
     title: "512 × 512 weights and the int4 grid",
     xLabel: "weight", yLabel: "count")
// %%
let q8 = quantize(w, bits: 8)
print("scale:", q8.scale, " bytes:", q8.bytes, " compression:", q8.compression)
let e8 = evaluate(w, dequantize(q8))
e8
// %%
var table = Table(["bits", "levels", "step", "MSE", "max error", "SQNR (dB)", "size (KiB)"])
var sqnrAt: [Int: Double] = [:]
for bits in stride(from: 8, through: 2, by: -1) {
    let qb = quantize(w, bits: bits)
    let e = evaluate(w, dequantize(qb))
    table.append([bits, 2 * ((1 << (bits - 1)) - 1) + 1, qb.scale, e.mse, e.maxError, e.sqnr, Double(qb.bytes) / 1024])
    sqnrAt[bits] = e.sqnr
}
table
// %%
let widths = [2, 3, 4, 5, 6, 7, 8]
var sqnr: [Double] = []
for bits in widths { sqnr.append(evaluate(w, fakeQuantize(w, bits: bits)).sqnr) }
let anchor = sqnr[widths.count - 1] - 6.02 * 8
let rule = widths.map { anchor + 6.02 * Double($0) }
plot(line(x: widths, y: sqnr, label: "measured"),
     line(x: widths, y: rule, label: "6.02 dB per bit"),
     title: "Signal-to-quantization-noise ratio",
     xLabel: "bits", yLabel: "SQNR (dB)")
// %%
let heavy = laplace([512, 512], scale: 0.02 / sqrt(2.0))
print("std: normal", w.std(), " laplace", heavy.std())
print("max|x|: normal", w.absMax(), " laplace", heavy.absMax())
var compare = Table(["bits", "normal SQNR (dB)", "laplace SQNR (dB)"])
var lost: [Double] = []
for bits in [8, 6, 4] {
    let normal = evaluate(w, fakeQuantize(w, bits: bits)).sqnr
    let laplace = evaluate(heavy, fakeQuantize(heavy, bits: bits)).sqnr
    compare.append([bits, normal, laplace])
    lost.append(normal - laplace)
}
compare
// %%
let activations = rand([4096], in: 0...6)
let sym = evaluate(activations, fakeQuantize(activations, bits: 8, scheme: .symmetric))
let asym = evaluate(activations, fakeQuantize(activations, bits: 8, scheme: .asymmetric))
print("symmetric  SQNR:", sym.sqnr, "dB")
print("asymmetric SQNR:", asym.sqnr, "dB")
asym.sqnr - sym.sqnr
// %%
quantize(w, bits: 1)
