let x = tensor([0.1, -0.7, 1.25, 1.9, -2.5])
let q = quantize(x, bits: 8, fractionalBits: 6)
print("codes:", q.values, " scale:", q.scale)
print("back: ", dequantize(q))
// %%
let data = randn([16384], mean: 0, std: 0.5)
var table = Table(["fractional bits", "range", "step", "clipped", "max error", "SQNR (dB)"])
var bitsAxis: [Int] = []
var sqnrs: [Double] = []
var clippedAt: [Int: Double] = [:]
for n in 3...9 {
    let qn = quantize(data, bits: 8, fractionalBits: n)
    let e = evaluate(data, qn)
    table.append([n, 127 * qn.scale, qn.scale, e.clippedFraction, e.maxError, e.sqnr])
    bitsAxis.append(n)
    sqnrs.append(e.sqnr)
    clippedAt[n] = e.clippedFraction!
}
table
// %%
plot(line(x: bitsAxis, y: sqnrs, label: "8-bit fixed point"),
     title: "Fixed point: precision until the range runs out", xLabel: "fractional bits", yLabel: "SQNR (dB)")
// %%
let auto = quantize(data, bits: 8, scheme: .powerOfTwo)
print("max|x| =", data.absMax(), " → n =", Int(-log2(auto.scale)), " range ±", 127 * auto.scale)
// %%
let free = evaluate(data, quantize(data, bits: 8, scheme: .symmetric)).sqnr
let power = evaluate(data, auto).sqnr
print("free scale:", free, "dB  power of two:", power, "dB  cost:", free - power, "dB")
