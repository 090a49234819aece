let w = randn([64, 64], std: 0.02, seed: 1)
for f: Format in [.int8, .uint8, .int4, .uint4, .fp8e4m3, .fp8e5m2, .nf4, .q8_0, .q4_0, .q4_1] {
    print(f, evaluate(w, quantize(w, format: f)).sqnr)
}
