let x = tensor([0.5, -1.2, 3.1, -2.4, 0.05])
let bits = 8
let qmax = (1 << (bits - 1)) - 1   // 127 codes on each side of zero
let step = x.absMax() / Double(qmax)
print("max|x| =", x.absMax(), " qmax =", qmax, " step =", step)
let codes = x.values.map { ($0 / step).rounded(.toNearestOrEven) }
codes
