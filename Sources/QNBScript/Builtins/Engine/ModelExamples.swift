extension BuiltinExampleCatalog {
    /// Examples of the model builtins: data sets, networks, training and the compression
    /// methods. Networks are small and train for few epochs so the reference stays quick.
    static let models = BuiltinExampleCatalog(sections: [modelFunctions, modelTypes])

    private static let modelFunctions = BuiltinExampleSection(
        "Models and compression",
        [
            .function(
                "dataset",
                #"""
                let moons = dataset(.moons, count: 400, noise: 0.1, seed: 1)
                let own = dataset(features: [[0.1, 0.2], [0.9, 0.8], [0.2, 0.1]], labels: [0, 1, 0])
                print(moons.classCounts, own.classes)
                moons
                """#),
            .function("mlp", #"mlp([2, 16, 16, 2], seed: 0)"#),
            .function("cnn", #"cnn(input: [1, 8, 8], channels: [4], classes: 10, seed: 0)"#),
            .function(
                "train",
                #"""
                let data = dataset(.moons, count: 400, seed: 1).split(train: 0.8)
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: data.train, validation: data.test, epochs: 5, seed: 0)
                """#),
            .function(
                "compare",
                #"""
                let data = dataset(.moons, count: 400, seed: 1).split(train: 0.8)
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: data.train, epochs: 10, seed: 0)
                compare(net, quantize(net, weights: .int4), on: data.test)
                """#),
            .function(
                "qat",
                #"""
                let data = dataset(.moons, count: 400, seed: 1).split(train: 0.8)
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: data.train, epochs: 10, seed: 0)
                let tuned = qat(net, bits: 2, on: data.train, epochs: 3, seed: 0)
                print(evaluate(quantize(net, bits: 2), on: data.test).accuracy, evaluate(tuned, on: data.test).accuracy)
                """#),
            .function(
                "prune",
                #"""
                let data = dataset(.moons, count: 400, seed: 1).split(train: 0.8)
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: data.train, epochs: 10, seed: 0)
                let sparse = prune(net, sparsity: 0.5, fineTuneOn: data.train, epochs: 2, seed: 0)
                print(sparse.sparsity, evaluate(net, on: data.test).accuracy, evaluate(sparse, on: data.test).accuracy)
                """#),
            .function(
                "distill",
                #"""
                let data = dataset(.moons, count: 400, seed: 1).split(train: 0.8)
                var teacher = mlp([2, 32, 32, 2], seed: 0)
                train(&teacher, on: data.train, epochs: 10, seed: 0)
                let student = distill(teacher: teacher, student: mlp([2, 4, 2], seed: 1), on: data.train, epochs: 5, seed: 0)
                print(teacher.parameterCount, student.parameterCount, evaluate(student, on: data.test).accuracy)
                """#),
            .options(
                "DatasetKind",
                #"""
                for kind: DatasetKind in [.moons, .circles(factor: 0.3), .spirals(arms: 3), .blobs(centers: 4), .gaussians] {
                    let d = dataset(kind, count: 120, seed: 1)
                    print(kind, d.count, d.classes, d.sampleShape)
                }
                let digits = dataset(.digits)   // stored: no count, noise or seed
                print(digits.name, digits.count, digits.classes, digits.sampleShape)
                """#),
            .options(
                "Activation",
                #"""
                let data = dataset(.circles(), count: 300, seed: 1).split(train: 0.8)
                for a: Activation in [.relu, .gelu, .tanh] {
                    var net = mlp([2, 16, 2], activation: a, seed: 0)
                    train(&net, on: data.train, epochs: 10, seed: 0)
                    print(a, evaluate(net, on: data.test).accuracy)
                }
                """#),
            .options(
                "Optimizer",
                #"""
                let data = dataset(.moons, count: 300, seed: 1)
                for o: Optimizer in [.sgd(momentum: 0.9), .adam] {
                    var net = mlp([2, 16, 2], seed: 0)
                    print(o, train(&net, on: data, epochs: 5, optimizer: o, seed: 0).loss.last ?? 0)
                }
                """#),
            .options(
                "Pruning",
                #"""
                let net = mlp([8, 16, 16, 2], seed: 0)
                for s: Pruning in [.unstructured, .rows] {
                    print(s, prune(net, sparsity: 0.75, structure: s).sparsity)
                }
                print("2:4", prune(net, structure: .nm(2, 4)).sparsity)   // the pattern fixes the sparsity
                """#),
        ])

    private static let modelTypes = BuiltinExampleSection(
        "Model types",
        [
            .type("Dataset", #"dataset(.blobs(centers: 3), count: 300, seed: 2)"#),
            .member("Dataset", "count", #"dataset(.digits).count"#),
            .member("Dataset", "features", #"dataset(.moons, count: 4, seed: 1).features"#),
            .member("Dataset", "labels", #"dataset(.moons, count: 8, seed: 1).labels"#),
            .member("Dataset", "classes", #"dataset(.digits).classes"#),
            .member("Dataset", "classCounts", #"dataset(.blobs(centers: 3), count: 100, seed: 1).classCounts"#),
            .member("Dataset", "sampleShape", #"print(dataset(.digits).sampleShape, dataset(.moons).sampleShape)"#),
            .member("Dataset", "name", #"dataset(.spirals(arms: 3), count: 30, seed: 1).name"#),
            .member(
                "Dataset", "split",
                #"""
                let parts = dataset(.moons, count: 1000, seed: 1).split(train: 0.7, validation: 0.15, seed: 0)
                print(parts.train.count, parts.validation.count, parts.test.count, parts.test.classCounts)
                """#),
            .member(
                "Dataset", "batches",
                #"dataset(.moons, count: 100, seed: 1).batches(size: 32, seed: 0).map { $0.count }"#),
            .type("DatasetSplit", #"dataset(.moons, count: 500, seed: 1).split(train: 0.6, validation: 0.2)"#),
            .member("DatasetSplit", "train", #"dataset(.moons, count: 500, seed: 1).split(train: 0.6).train.count"#),
            .member(
                "DatasetSplit", "validation",
                #"dataset(.moons, count: 500, seed: 1).split(train: 0.6, validation: 0.2).validation.count"#),
            .member("DatasetSplit", "test", #"dataset(.moons, count: 500, seed: 1).split(train: 0.6).test.count"#),
            .member(
                "DatasetSplit", "standardized",
                #"""
                let parts = dataset(.digits).split(train: 0.8, seed: 0).standardized()   // train statistics only
                print(parts.train.features.mean(), parts.train.features.std(), parts.test.features.mean())
                """#),
            .type("Network", #"mlp([2, 16, 2], seed: 0)"#),
            .member("Network", "layers", #"mlp([2, 16, 2], seed: 0).layers.map { $0.name }"#),
            .member("Network", "parameterCount", #"mlp([2, 16, 2], seed: 0).parameterCount   // 2·16 + 16 + 16·2 + 2"#),
            .member(
                "Network", "bytes",
                #"""
                let net = mlp([64, 128, 10], seed: 0)
                print(net.bytes, quantize(net, weights: .int8).bytes, quantize(net, weights: .int4).bytes)
                """#),
            .member("Network", "sparsity", #"prune(mlp([2, 16, 2], seed: 0), sparsity: 0.75).sparsity"#),
            .member(
                "Network", "nonzeroParameterCount",
                #"prune(mlp([2, 16, 2], seed: 0), sparsity: 0.5).nonzeroParameterCount"#),
            .member("Network", "inputShape", #"cnn(input: [1, 8, 8], channels: [4], classes: 10, seed: 0).inputShape"#),
            .member("Network", "classes", #"mlp([2, 16, 3], seed: 0).classes"#),
            .member("Network", "logits", #"mlp([2, 16, 2], seed: 0).logits(tensor([[0.5, -1.0], [1.0, 0.25]]))"#),
            .member(
                "Network", "predict",
                #"""
                let data = dataset(.moons, count: 300, seed: 1)
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: data, epochs: 10, seed: 0)
                print(net.predict(data.features).prefix(10), data.labels.prefix(10))
                """#),
            .member(
                "Network", "integerPredict",
                #"""
                let data = dataset(.moons, count: 300, seed: 1)
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: data, epochs: 10, seed: 0)
                let q = quantize(net, weights: .int8, activations: .uint8, calibration: data)
                print(q.integerPredict(data.features).prefix(10), q.predict(data.features).prefix(10))
                """#),
            .type("Layer", #"mlp([2, 16, 2], seed: 0).layers[0]"#),
            .member("Layer", "name", #"mlp([2, 16, 2], seed: 0).layers.map { $0.name }"#),
            .member(
                "Layer", "kind",
                #"cnn(input: [1, 8, 8], channels: [4], classes: 10, seed: 0).layers.map { $0.kind }"#),
            .member("Layer", "weight", #"mlp([2, 3, 2], seed: 0).layers[0].weight!.shape"#),
            .member("Layer", "bias", #"mlp([2, 3, 2], seed: 0).layers[0].bias!.values"#),
            .member("Layer", "parameterCount", #"mlp([2, 16, 2], seed: 0).layers.map { $0.parameterCount }"#),
            .member(
                "Layer", "bytes",
                #"quantize(mlp([64, 128, 10], seed: 0), weights: .int8).layers.map { $0.bytes }"#),
            .member(
                "Layer", "sparsity",
                #"prune(mlp([2, 16, 2], seed: 0), sparsity: 0.5, layers: ["dense1"]).layers.map { $0.sparsity }"#),
            .member(
                "Layer", "outputShape",
                #"cnn(input: [1, 8, 8], channels: [4], classes: 10, seed: 0).layers.map { $0.outputShape }"#),
            .type(
                "Evaluation",
                #"""
                let data = dataset(.moons, count: 300, seed: 1).split(train: 0.8)
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: data.train, epochs: 10, seed: 0)
                evaluate(net, on: data.test)
                """#),
            .member(
                "Evaluation", "accuracy",
                #"evaluate(mlp([2, 16, 2], seed: 0), on: dataset(.moons, count: 200, seed: 1)).accuracy   // untrained"#
            ),
            .member(
                "Evaluation", "loss",
                #"evaluate(mlp([2, 16, 2], seed: 0), on: dataset(.moons, count: 200, seed: 1)).loss"#),
            .member(
                "Evaluation", "confusion",
                #"evaluate(mlp([2, 16, 2], seed: 0), on: dataset(.moons, count: 200, seed: 1)).confusion   // rows: true class"#
            ),
            .member(
                "Evaluation", "predictions",
                #"evaluate(mlp([2, 16, 2], seed: 0), on: dataset(.moons, count: 200, seed: 1)).predictions.prefix(8)"#),
            .type(
                "Comparison",
                #"""
                let data = dataset(.moons, count: 300, seed: 1)
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: data, epochs: 10, seed: 0)
                compare(net, quantize(net, weights: .int8, activations: .uint8, calibration: data), on: data, integer: true)
                """#),
            .member(
                "Comparison", "agreement",
                #"""
                let net = mlp([2, 16, 2], seed: 0)
                compare(net, quantize(net, bits: 2), on: dataset(.moons, count: 200, seed: 1)).agreement
                """#),
            .member(
                "Comparison", "referenceAccuracy",
                #"""
                let net = mlp([2, 16, 2], seed: 0)
                compare(net, quantize(net, bits: 2), on: dataset(.moons, count: 200, seed: 1)).referenceAccuracy
                """#),
            .member(
                "Comparison", "candidateAccuracy",
                #"""
                let net = mlp([2, 16, 2], seed: 0)
                compare(net, quantize(net, bits: 2), on: dataset(.moons, count: 200, seed: 1)).candidateAccuracy
                """#),
            .member(
                "Comparison", "referenceBytes",
                #"""
                let net = mlp([64, 128, 10], seed: 0)
                compare(net, quantize(net, weights: .int4), on: dataset(.digits)).referenceBytes
                """#),
            .member(
                "Comparison", "candidateBytes",
                #"""
                let net = mlp([64, 128, 10], seed: 0)
                compare(net, quantize(net, weights: .int4), on: dataset(.digits)).candidateBytes
                """#),
            .type(
                "TrainingLog",
                #"""
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: dataset(.moons, count: 300, seed: 1), epochs: 3, seed: 0)
                """#),
            .member(
                "TrainingLog", "loss",
                #"""
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: dataset(.moons, count: 300, seed: 1), epochs: 4, seed: 0).loss
                """#),
            .member(
                "TrainingLog", "accuracy",
                #"""
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: dataset(.moons, count: 300, seed: 1), epochs: 4, seed: 0).accuracy
                """#),
            .member(
                "TrainingLog", "validationAccuracy",
                #"""
                let data = dataset(.moons, count: 300, seed: 1).split(train: 0.8)
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: data.train, validation: data.test, epochs: 4, seed: 0).validationAccuracy
                """#),
            .member(
                "TrainingLog", "validationLoss",
                #"""
                let data = dataset(.moons, count: 300, seed: 1).split(train: 0.8)
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: data.train, validation: data.test, epochs: 4, seed: 0).validationLoss
                """#),
            .member(
                "TrainingLog", "epochs",
                #"""
                var net = mlp([2, 16, 2], seed: 0)
                train(&net, on: dataset(.moons, count: 300, seed: 1), epochs: 4, seed: 0).epochs
                """#),
        ])
}
