let signedCodes = quantize(lopsided, bits: 8, scheme: .asymmetric, signed: true)
print("zero point:", signedCodes.zeroPoint, " codes:", signedCodes.values)
evaluate(lopsided, dequantize(signedCodes)).maxError == evaluate(lopsided, dequantize(ql)).maxError
