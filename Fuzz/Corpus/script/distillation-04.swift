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
