let sparsities = [0.0, 0.25, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
var oneShot: [Double] = []
var fineTuned: [Double] = []
var sweep = Table(["sparsity", "weights kept", "pruned", "pruned + fine-tuned"])
let weightCount = net.layers.compactMap { $0.weight?.count }.reduce(0, +)
for sparsity in sparsities {
    let pruned = prune(net, sparsity: sparsity)
    let tuned = prune(net, sparsity: sparsity, fineTuneOn: data.train,
                      epochs: 5, learningRate: 0.003, seed: 1)
    oneShot.append(evaluate(pruned, on: data.test).accuracy)
    fineTuned.append(evaluate(tuned, on: data.test).accuracy)
    let kept = Int((Double(weightCount) * (1 - pruned.sparsity)).rounded())
    sweep.append([sparsity, kept, oneShot.last!, fineTuned.last!])
}
sweep
