let data = dataset(.digits).split(train: 0.7, validation: 0.15).standardized()
var teacher = mlp([64, 256, 10], seed: 0)
train(&teacher, on: data.train, epochs: 10, seed: 0)
let teacherAccuracy = evaluate(teacher, on: data.test).accuracy
let student = mlp([64, 12, 10], seed: 1)
print("teacher:", teacher.parameterCount, "parameters,",
      "test accuracy", teacherAccuracy)
print("student:", student.parameterCount, "parameters")
// %%
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
// %%
let zTeacher = teacher.logits(data.validation.features).values
let zStudent = student.logits(data.validation.features).values
var scale = Table(["T", "mean |∂KL/∂s|", "× T²"])
for t in [1.0, 2.0, 4.0, 8.0, 16.0] {
    var total = 0.0
    for r in 0..<100 {
        let row = (10 * r)..<(10 * r + 10)
        let p = softmax(Array(zTeacher[row]), temperature: t)
        let q = softmax(Array(zStudent[row]), temperature: t)
        for k in 0..<10 { total += abs(q[k] - p[k]) / t }
    }
    let mean = total / 1000
    scale.append([t, mean, mean * t * t])
}
scale
// %%
var seeds = Table(["seed", "alone", "distilled", "difference"])
var meanAlone = 0.0
var meanDistilled = 0.0
var aloneSeed1 = student
var taughtSeed1 = student
for seed in 1...5 {
    var alone = mlp([64, 12, 10], seed: seed)
    train(&alone, on: data.train, epochs: 10, seed: seed)
    let taught = distill(teacher: teacher,
                         student: mlp([64, 12, 10], seed: seed),
                         on: data.train, epochs: 10, seed: seed)
    let a = evaluate(alone, on: data.test).accuracy
    let d = evaluate(taught, on: data.test).accuracy
    meanAlone += a / 5
    meanDistilled += d / 5
    seeds.append([seed, a, d, d - a])
    if seed == 1 {
        aloneSeed1 = alone
        taughtSeed1 = taught
    }
}
seeds.append(["mean", meanAlone, meanDistilled, meanDistilled - meanAlone])
seeds
