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
