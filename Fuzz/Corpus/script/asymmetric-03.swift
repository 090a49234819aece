var table = Table(["bits", "symmetric SQNR (dB)", "asymmetric SQNR (dB)", "gain (dB)"])
var gains: [Double] = []
for bits in [8, 6, 4] {
    let sym = evaluate(act, fakeQuantize(act, bits: bits, scheme: .symmetric)).sqnr
    let asym = evaluate(act, fakeQuantize(act, bits: bits, scheme: .asymmetric)).sqnr
    table.append([bits, sym, asym, asym - sym])
    gains.append(asym - sym)
}
table
