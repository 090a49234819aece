let auto = quantize(data, bits: 8, scheme: .powerOfTwo)
print("max|x| =", data.absMax(), " → n =", Int(-log2(auto.scale)), " range ±", 127 * auto.scale)
