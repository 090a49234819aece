var table = Table(["method", "threshold, 8 bits", "SQNR (dB)",
                   "threshold, 4 bits", "SQNR (dB)", "clipped, 4 bits"])
let methods = [("min/max", Calibration.minMax), ("percentile 99.99", .percentile(99.99)),
               ("MSE", .mse), ("entropy (KL)", .entropy)]
var sqnr8: [String: Double] = [:]
var sqnr4: [String: Double] = [:]
var clipped4: [String: Double] = [:]
for (name, method) in methods {
    let q8 = quantize(x, bits: 8, range: method)
    let q4 = quantize(x, bits: 4, range: method)
    let e4 = evaluate(x, q4)
    table.append([name, q8.scale * 127, evaluate(x, q8).sqnr, q4.scale * 7, e4.sqnr, e4.clippedFraction])
    sqnr8[name] = evaluate(x, q8).sqnr
    sqnr4[name] = e4.sqnr
    clipped4[name] = e4.clippedFraction!
}
table
