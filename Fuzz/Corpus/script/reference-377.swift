let w = laplace([10_000], scale: 1, seed: 1)
for c: Calibration in [.minMax, .percentile(99.9), .mse, .entropy, .fixed(-4, 4)] {
    print(c, quantize(w, bits: 4, range: c).scale, evaluate(w, quantize(w, bits: 4, range: c)).sqnr)
}
