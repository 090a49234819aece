let perTensor = quantize(w, bits: 8)
print("scale:", perTensor.scale, "— set by the outlier channels")
let overall = evaluate(w, perTensor)
overall
