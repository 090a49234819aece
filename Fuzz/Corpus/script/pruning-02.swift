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
