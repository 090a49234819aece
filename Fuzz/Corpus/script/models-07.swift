let data = moonParts.standardized()
var stats = Table(["part", "mean x₁", "mean x₂", "std x₁", "std x₂"])
for (name, part) in [("train", data.train), ("validation", data.validation),
                     ("test", data.test)] {
    let x = part.features.transposed()      // x[0]: every x₁, x[1]: every x₂
    stats.append([name, x[0].mean(), x[1].mean(), x[0].std(), x[1].std()])
}
stats
