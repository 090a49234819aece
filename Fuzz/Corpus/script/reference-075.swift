let w = randn([10_000], seed: 1)
plot(histogram(w, bins: 40), band(-2, 2, label: "not clipped"))
