let w = randn([4096], std: 0.02, seed: 1)
var t = Table(["bits", "SQNR (dB)", "bytes"])
for b in [8, 4] { t.append([b, evaluate(w, quantize(w, bits: b)).sqnr, quantize(w, bits: b).bytes]) }
t
