let w = tensor([0.1, -0.52, 0.33, 1.0])
fakeQuantize(w, bits: 3).values   // the grid k · 1/3, k in -3...3
