let sizes = [100, 200, 400]
var fewAlone: [Double] = []
var fewDistilled: [Double] = []
var few = Table(["training images", "alone", "distilled", "difference"])
for n in sizes {
    let subset = data.train.batches(size: n, seed: 2)[0]
    var a = 0.0
    var d = 0.0
    for seed in 1...3 {
        var alone = mlp([64, 12, 10], seed: seed)
        train(&alone, on: subset, epochs: 20, seed: seed)
        let taught = distill(teacher: teacher,
                             student: mlp([64, 12, 10], seed: seed),
                             on: subset, epochs: 20, seed: seed)
        a += evaluate(alone, on: data.test).accuracy / 3
        d += evaluate(taught, on: data.test).accuracy / 3
    }
    fewAlone.append(a)
    fewDistilled.append(d)
    few.append([n, a, d, d - a])
}
few
