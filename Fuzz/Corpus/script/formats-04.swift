let q40 = quantize(w, format: .q4_0)
print("Q4_0:", q40.bytes, "bytes =", 8.0 * Double(q40.bytes) / Double(w.count), "bits per weight")
print("SQNR:", evaluate(w, q40).sqnr, "dB")
