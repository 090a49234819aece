let w = randn([4096], seed: 1)
grid([plot(histogram(w, bins: 30), title: "float"), plot(histogram(fakeQuantize(w, bits: 2), bins: 30), title: "2-bit")], columns: 2)
