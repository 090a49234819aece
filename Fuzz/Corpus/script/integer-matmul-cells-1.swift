let x = relu(randn([4, 64], mean: 0.2, std: 1))
let w = randn([64, 16], mean: 0, std: 0.1)
let y = matmul(x, w)
let qx = quantize(x, bits: 8, scheme: .asymmetric)
let qw = quantize(w, bits: 8, granularity: .perChannel(axis: 1))
print("x: scale", qx.scale, "zero point", qx.zeroPoint)
print("w: 16 scales from", qw.scales.min()!, "to", qw.scales.max()!)
// %%
let acc = matmul(qx, qw)
acc
// %%
evaluate(y, dequantize(acc))
// %%
let outputScale = y.absMax() / 127
let multiplier = qx.scale * qw.scales[0] / outputScale
let fixed = fixedPointMultiplier(multiplier)
print("M =", multiplier)
print("M0 =", fixed.m0, " shift =", fixed.shift)
print("M0 · 2^(shift − 31) =", Double(fixed.m0) * pow(2, Double(fixed.shift - 31)))
// %%
let qy = requantize(acc, scale: outputScale, zeroPoint: 0)
qy
// %%
let exact = matmul(dequantize(qx), dequantize(qw))
let integerResult = dequantize(qy)
let worst = (integerResult - exact).abs().max()
print("largest difference:", worst, " one output step:", outputScale)
print("within one step:", worst <= outputScale)
evaluate(y, integerResult)
