plot(line(x: sparsities, y: oneShot, label: "pruned"),
     line(x: sparsities, y: fineTuned, label: "pruned + fine-tuned"),
     hline(denseAccuracy, label: "dense"),
     title: "Accuracy against sparsity",
     xLabel: "sparsity (fraction of weights removed)", yLabel: "test accuracy")
