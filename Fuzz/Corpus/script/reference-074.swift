let w = randn([4096], seed: 1)
plot(line(x: 2...8, y: (2...8).map { evaluate(w, quantize(w, bits: $0)).sqnr }), hline(30, label: "target 30 dB"))
