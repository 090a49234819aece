let widths = [2, 3, 4, 5, 6, 7, 8]
var sqnr: [Double] = []
for bits in widths { sqnr.append(evaluate(w, fakeQuantize(w, bits: bits)).sqnr) }
let anchor = sqnr[widths.count - 1] - 6.02 * 8
let rule = widths.map { anchor + 6.02 * Double($0) }
plot(line(x: widths, y: sqnr, label: "measured"),
     line(x: widths, y: rule, label: "6.02 dB per bit"),
     title: "Signal-to-quantization-noise ratio",
     xLabel: "bits", yLabel: "SQNR (dB)")
