var runA = mlp([2, 32, 32, 2], seed: 7)
var runB = mlp([2, 32, 32, 2], seed: 7)
var runC = mlp([2, 32, 32, 2], seed: 7)
let logA = train(&runA, on: data.train, epochs: 5, seed: 3)
let logB = train(&runB, on: data.train, epochs: 5, seed: 3)
let logC = train(&runC, on: data.train, epochs: 5, seed: 4)
var runs = Table(["epoch", "loss, run A", "loss, run B", "loss, run C (seed 4)"])
for e in 0..<5 { runs.append([e + 1, logA.loss[e], logB.loss[e], logC.loss[e]]) }
runs
