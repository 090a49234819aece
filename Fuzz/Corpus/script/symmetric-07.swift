let q4 = quantize(w, bits: 4)
plot(histogram(w, bins: 80, label: "weights"),
     levels(q4, label: "int4 levels"),
     title: "512 × 512 weights and the int4 grid",
     xLabel: "weight", yLabel: "count")
