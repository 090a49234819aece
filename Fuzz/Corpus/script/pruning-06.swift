var structures = Table(["structure", "dense1 sparsity", "pruned",
                         "pruned + fine-tuned"])
let patterns = [("unstructured", Pruning.unstructured, 0.5),
                ("rows", .rows, 0.5), ("2:4", .nm(2, 4), 0.5),
                ("unstructured", .unstructured, 0.75),
                ("rows", .rows, 0.75), ("1:4", .nm(1, 4), 0.75)]
for (name, structure, sparsity) in patterns {
    let pruned = prune(net, sparsity: sparsity, structure: structure,
                       layers: ["dense1"])
    let tuned = prune(net, sparsity: sparsity, structure: structure,
                      layers: ["dense1"], fineTuneOn: data.train,
                      epochs: 5, learningRate: 0.003, seed: 1)
    structures.append([name, pruned.layers[0].sparsity,
                       evaluate(pruned, on: data.test).accuracy,
                       evaluate(tuned, on: data.test).accuracy])
}
structures
