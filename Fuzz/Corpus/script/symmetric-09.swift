var table = Table(["bits", "levels", "step", "MSE", "max error", "SQNR (dB)", "size (KiB)"])
var sqnrAt: [Int: Double] = [:]
for bits in stride(from: 8, through: 2, by: -1) {
    let qb = quantize(w, bits: bits)
    let e = evaluate(w, dequantize(qb))
    table.append([bits, 2 * ((1 << (bits - 1)) - 1) + 1, qb.scale, e.mse, e.maxError, e.sqnr, Double(qb.bytes) / 1024])
    sqnrAt[bits] = e.sqnr
}
table
