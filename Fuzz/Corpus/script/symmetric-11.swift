let heavy = laplace([512, 512], scale: 0.02 / sqrt(2.0))
print("std: normal", w.std(), " laplace", heavy.std())
print("max|x|: normal", w.absMax(), " laplace", heavy.absMax())
var compare = Table(["bits", "normal SQNR (dB)", "laplace SQNR (dB)"])
var lost: [Double] = []
for bits in [8, 6, 4] {
    let normal = evaluate(w, fakeQuantize(w, bits: bits)).sqnr
    let laplace = evaluate(heavy, fakeQuantize(heavy, bits: bits)).sqnr
    compare.append([bits, normal, laplace])
    lost.append(normal - laplace)
}
compare
