let nf4 = quantize(w, format: .nf4)
nf4
