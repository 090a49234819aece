let w = laplace([10_000], scale: 1, seed: 1)   // heavy tails, like real weights
print(w.std(), w.absMax())
