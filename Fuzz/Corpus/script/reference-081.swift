let w = load("weights.npy")
save(quantize(w, bits: 8), to: "w_int8.npy")
save(quantize(w, bits: 4, scheme: .asymmetric), to: "w_uint4.safetensors")
