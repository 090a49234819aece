let w = laplace([10_000], scale: 1, seed: 1)
print(w.percentile(50), w.percentile(99.9), w.abs().percentile(99.9))
