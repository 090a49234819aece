extension BuiltinExampleCatalog {
    /// Examples of `BuiltinLibrary.plotting`. The reference shows each figure's ASCII rendering
    /// (what terminals and snapshots get; pages get SVG), so figures here are kept small.
    static let plotting = BuiltinExampleCatalog(sections: [
        BuiltinExampleSection(
            "Plots",
            [
                .function(
                    "histogram",
                    #"""
                    let w = randn([10_000], std: 0.02, seed: 1)
                    plot(histogram(w, bins: 40, label: "float"), histogram(fakeQuantize(w, bits: 3), bins: 40, label: "3-bit"))
                    """#),
                .function(
                    "line",
                    #"""
                    let w = randn([4096], seed: 1)
                    let sqnr = (2...8).map { evaluate(w, quantize(w, bits: $0)).sqnr }
                    plot(line(x: 2...8, y: sqnr, label: "int"), xLabel: "bits", yLabel: "SQNR (dB)")
                    """#),
                .function(
                    "step",
                    #"""
                    let x = linspace(-1, 1, count: 41)
                    plot(step(x: x, y: fakeQuantize(x, bits: 2), label: "2-bit"))
                    """#),
                .function(
                    "bar",
                    #"""
                    let w = randn([64, 64], std: 0.02, seed: 1)
                    let formats: [Format] = [.int8, .fp8e4m3, .int4, .nf4]
                    plot(bar(labels: ["int8", "fp8", "int4", "nf4"], values: formats.map { evaluate(w, quantize(w, format: $0)).sqnr }), yLabel: "SQNR (dB)")
                    """#),
                .function(
                    "transfer",
                    #"""
                    plot(transfer(quantize(tensor([-1, 1]), bits: 2)), title: "2-bit symmetric quantizer")
                    """#),
                .function(
                    "vline",
                    #"""
                    let w = laplace([10_000], scale: 1, seed: 1)
                    let t = w.abs().percentile(99.9)
                    plot(histogram(w, bins: 50), vline(-t, label: "99.9%"), vline(t), logY: true)
                    """#),
                .function(
                    "hline",
                    #"""
                    let w = randn([4096], seed: 1)
                    plot(line(x: 2...8, y: (2...8).map { evaluate(w, quantize(w, bits: $0)).sqnr }), hline(30, label: "target 30 dB"))
                    """#),
                .function(
                    "band",
                    #"""
                    let w = randn([10_000], seed: 1)
                    plot(histogram(w, bins: 40), band(-2, 2, label: "not clipped"))
                    """#),
                .function(
                    "levels",
                    #"""
                    let w = randn([2000], std: 0.5, seed: 1)
                    plot(histogram(w, bins: 40), levels(quantize(w, bits: 3), label: "3-bit grid"))
                    """#),
                .function(
                    "plot",
                    #"""
                    let x = linspace(-3, 3, count: 61)
                    let parts = [line(x: x, y: x.clamped(min: -1, max: 1), label: "clamp"), line(x: x, y: relu(x), label: "relu")]
                    plot(parts, title: "Activations", xLabel: "x", yLimits: -1.5...3, width: 480, height: 240)
                    """#),
                .function(
                    "grid",
                    #"""
                    let w = randn([4096], seed: 1)
                    grid([plot(histogram(w, bins: 30), title: "float"), plot(histogram(fakeQuantize(w, bits: 2), bins: 30), title: "2-bit")], columns: 2)
                    """#),
                .function(
                    "scatter",
                    #"""
                    let moons = dataset(.moons, count: 200, seed: 1)
                    plot(scatter(moons))
                    """#),
                .type(
                    "Figure",
                    #"""
                    let f = plot(line([0.5, 0.9, 0.99]), scatter(x: [0, 1, 2], y: [0.6, 0.8, 1.0], label: "measured"))
                    print(type(of: f))
                    f
                    """#),
            ])
    ])
}
