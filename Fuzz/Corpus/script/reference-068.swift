let w = randn([10_000], std: 0.02, seed: 1)
plot(histogram(w, bins: 40, label: "float"), histogram(fakeQuantize(w, bits: 3), bins: 40, label: "3-bit"))
