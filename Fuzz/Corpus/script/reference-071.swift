let w = randn([64, 64], std: 0.02, seed: 1)
let formats: [Format] = [.int8, .fp8e4m3, .int4, .nf4]
plot(bar(labels: ["int8", "fp8", "int4", "nf4"], values: formats.map { evaluate(w, quantize(w, format: $0)).sqnr }), yLabel: "SQNR (dB)")
