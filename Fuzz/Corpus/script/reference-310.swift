let w = laplace([10_000], scale: 1, seed: 1)
evaluate(w, quantize(w, bits: 4, range: .percentile(99))).clippedFraction
