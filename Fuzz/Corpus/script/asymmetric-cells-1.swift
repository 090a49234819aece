let pre = randn([65536], mean: 0.3, std: 1)
let act = relu(pre)
let zeroFraction = Double(act.values.filter { $0 == 0 }.count) / Double(act.count)
print("fraction of exact zeros:", zeroFraction)
act
// %%
let q = quantize(act, bits: 8, scheme: .asymmetric)
print("scale:", q.scale, " zero point:", q.zeroPoint, " codes:", q.values.min()!, "…", q.values.max()!)
q
// %%
var table = Table(["bits", "symmetric SQNR (dB)", "asymmetric SQNR (dB)", "gain (dB)"])
var gains: [Double] = []
for bits in [8, 6, 4] {
    let sym = evaluate(act, fakeQuantize(act, bits: bits, scheme: .symmetric)).sqnr
    let asym = evaluate(act, fakeQuantize(act, bits: bits, scheme: .asymmetric)).sqnr
    table.append([bits, sym, asym, asym - sym])
    gains.append(asym - sym)
}
table
// %%
let lopsided = tensor([-1, -0.5, 0, 0.75, 1.5, 3])
let ql = quantize(lopsided, bits: 8, scheme: .asymmetric)
print("scale:", ql.scale, "(4 / 255)")
print("zero point:", ql.zeroPoint, "= round(1 / scale)")
print("codes:", ql.values)
print("back:", dequantize(ql))
// %%
let signedCodes = quantize(lopsided, bits: 8, scheme: .asymmetric, signed: true)
print("zero point:", signedCodes.zeroPoint, " codes:", signedCodes.values)
evaluate(lopsided, dequantize(signedCodes)).maxError == evaluate(lopsided, dequantize(ql)).maxError
