let rows = evaluate(w, perTensor, axis: 0)
print("channel 0 SQNR:", evaluate(w[0], dequantize(perTensor)[0]).sqnr, "dB")
print("channel 5 SQNR:", evaluate(w[5], dequantize(perTensor)[5]).sqnr, "dB")
let levels0 = quantize(w[0], scale: perTensor.scale, zeroPoint: 0).levelsUsed
print("levels used by channel 0:", levels0, "of 255")
