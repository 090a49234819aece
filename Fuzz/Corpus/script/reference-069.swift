let w = randn([4096], seed: 1)
let sqnr = (2...8).map { evaluate(w, quantize(w, bits: $0)).sqnr }
plot(line(x: 2...8, y: sqnr, label: "int"), xLabel: "bits", yLabel: "SQNR (dB)")
