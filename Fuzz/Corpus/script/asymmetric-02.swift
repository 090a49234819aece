let q = quantize(act, bits: 8, scheme: .asymmetric)
print("scale:", q.scale, " zero point:", q.zeroPoint, " codes:", q.values.min()!, "…", q.values.max()!)
q
