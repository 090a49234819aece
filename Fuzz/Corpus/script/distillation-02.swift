func softmax(_ z: [Double], temperature: Double) -> [Double] {
    let m = z.max()!
    let e = z.map { exp(($0 - m) / temperature) }
    let sum = e.reduce(0, +)
    return e.map { $0 / sum }
}
let z = teacher.logits(data.test.features)[0].values
let soft = [1.0, 4.0, 10.0].map { softmax(z, temperature: $0) }
print("label:", data.test.labels[0])
var targets = Table(["class", "T = 1", "T = 4", "T = 10"])
for k in 0..<10 { targets.append([k, soft[0][k], soft[1][k], soft[2][k]]) }
targets
