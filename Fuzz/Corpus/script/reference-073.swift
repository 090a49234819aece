let w = laplace([10_000], scale: 1, seed: 1)
let t = w.abs().percentile(99.9)
plot(histogram(w, bins: 50), vline(-t, label: "99.9%"), vline(t), logY: true)
