let activations = rand([4096], in: 0...6)
let sym = evaluate(activations, fakeQuantize(activations, bits: 8, scheme: .symmetric))
let asym = evaluate(activations, fakeQuantize(activations, bits: 8, scheme: .asymmetric))
print("symmetric  SQNR:", sym.sqnr, "dB")
print("asymmetric SQNR:", asym.sqnr, "dB")
asym.sqnr - sym.sqnr
