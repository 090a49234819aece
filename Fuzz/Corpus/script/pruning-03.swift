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
