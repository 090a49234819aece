let t4mse = quantize(x, bits: 4, range: .mse).scale * 7
let t4kl = quantize(x, bits: 4, range: .entropy).scale * 7
plot(histogram(x, bins: 120, label: "activations"),
     vline(x.absMax(), label: "min/max"),
     vline(t4mse, label: "MSE"), vline(-t4mse),
     vline(t4kl, label: "entropy"), vline(-t4kl),
     title: "Where each method clips, 4 bits",
     xLabel: "activation", yLabel: "count", logY: true)
