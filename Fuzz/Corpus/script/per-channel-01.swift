let base = randn([64, 256], mean: 0, std: 0.02)
let rowScale = (0..<64).map { $0 == 5 || $0 == 26 || $0 == 47 ? 20.0 : 1.0 }
let w = base * tensor(rowScale).reshaped([64, 1])
print("largest |w| per channel: typical", base[0].absMax(), " outlier", w[5].absMax())
w
