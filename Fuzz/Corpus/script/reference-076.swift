let w = randn([2000], std: 0.5, seed: 1)
plot(histogram(w, bins: 40), levels(quantize(w, bits: 3), label: "3-bit grid"))
