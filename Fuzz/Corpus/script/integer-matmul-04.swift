let outputScale = y.absMax() / 127
let multiplier = qx.scale * qw.scales[0] / outputScale
let fixed = fixedPointMultiplier(multiplier)
print("M =", multiplier)
print("M0 =", fixed.m0, " shift =", fixed.shift)
print("M0 · 2^(shift − 31) =", Double(fixed.m0) * pow(2, Double(fixed.shift - 31)))
