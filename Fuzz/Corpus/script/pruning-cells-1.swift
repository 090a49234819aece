let data = dataset(.digits).split(train: 0.7, validation: 0.15).standardized()
var net = mlp([64, 64, 10], seed: 0)
train(&net, on: data.train, epochs: 10, seed: 0)
let denseAccuracy = evaluate(net, on: data.test).accuracy
print("test accuracy of the dense network:", denseAccuracy)
net
// %%
let x = data.validation.features.reshaped([-1, 64])
let w1 = net.layers[0].weight!
let y = matmul(x, w1.transposed())
var criterion = Table(["sparsity", "smallest |w| (dB)", "random (dB)"])
let lottery = rand(w1.shape, seed: 3)
for sparsity in [0.5, 0.8, 0.9] {
    let byMagnitude = prune(net, sparsity: sparsity).layers[0].weight!
    let cut = lottery.percentile(sparsity * 100)
    let mask = lottery.values.map { $0 < cut ? 0.0 : 1.0 }
    let atRandom = w1 * tensor(mask).reshaped(w1.shape)
    criterion.append([sparsity,
                      evaluate(y, matmul(x, byMagnitude.transposed())).sqnr,
                      evaluate(y, matmul(x, atRandom.transposed())).sqnr])
}
criterion
// %%
let pruned80 = prune(net, sparsity: 0.8)
let kept = pruned80.layers[0].weight!.values.filter { $0 != 0 }
let threshold = kept.map { abs($0) }.min()!
print("kept", kept.count, "of", w1.count, "weights;",
      "smallest kept |w|:", threshold)
plot(histogram(w1, bins: 80, label: "dense1, all weights"),
     histogram(kept, bins: 80, range: w1.min()...w1.max(),
               label: "kept at 80 % sparsity"),
     vline(threshold, label: "threshold"), vline(-threshold),
     title: "Magnitude pruning cuts out the middle of the distribution",
     xLabel: "weight", yLabel: "count")
// %%
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
// %%
plot(line(x: sparsities, y: oneShot, label: "pruned"),
     line(x: sparsities, y: fineTuned, label: "pruned + fine-tuned"),
     hline(denseAccuracy, label: "dense"),
     title: "Accuracy against sparsity",
     xLabel: "sparsity (fraction of weights removed)", yLabel: "test accuracy")
