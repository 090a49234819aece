let net = mlp([8, 16, 16, 2], seed: 0)
for s: Pruning in [.unstructured, .rows] {
    print(s, prune(net, sparsity: 0.75, structure: s).sparsity)
}
print("2:4", prune(net, structure: .nm(2, 4)).sparsity)   // the pattern fixes the sparsity
