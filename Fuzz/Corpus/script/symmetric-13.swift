quantize(w, bits: 1)
