let w = tensor([0.5, -1.75, 0.25, 3.5])
print(quantize(w, bits: 4).values)   // scale 3.5 / 7 = 0.5; -3.5 and 0.5 tie to even
quantize(w, bits: 4, scheme: .asymmetric)
