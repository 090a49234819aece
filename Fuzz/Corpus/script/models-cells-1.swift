let moons = dataset(.moons, count: 1000, noise: 0.2, seed: 1)
moons
// %%
scatter(moons)
// %%
let digits = dataset(.digits)
digits
// %%
let shades = ["  ", "..", "::", "oo", "@@"]     // 0, 1–4, 5–8, 9–12, 13–16
var lines: [String] = []
for row in 0..<3 {
    var labels = ""
    for k in 0..<4 { labels += "      digit \(digits.labels[4 * row + k])     " }
    lines.append(labels)
    for y in 0..<8 {
        var line = ""
        for k in 0..<4 {
            let pixels = digits.features[4 * row + k].values
            line += "  "
            for x in 0..<8 { line += shades[Int((pixels[8 * y + x] + 3) / 4)] }
        }
        lines.append(line)
    }
    if row < 2 { lines.append("") }
}
print(lines.joined(separator: "\n"))
// %%
let moonParts = moons.split(train: 0.6, validation: 0.2, seed: 2)
moonParts
// %%
let digitParts = digits.split(train: 0.6, validation: 0.2, seed: 2)
let (tr, va, te) = (digitParts.train, digitParts.validation, digitParts.test)
var perDigit = Table(["digit", "images", "train", "validation", "test"])
for c in 0..<10 {
    perDigit.append([c, digits.classCounts[c], tr.classCounts[c], va.classCounts[c],
                     te.classCounts[c]])
}
perDigit.append(["all", digits.count, tr.count, va.count, te.count])
perDigit
// %%
let data = moonParts.standardized()
var stats = Table(["part", "mean x₁", "mean x₂", "std x₁", "std x₂"])
for (name, part) in [("train", data.train), ("validation", data.validation),
                     ("test", data.test)] {
    let x = part.features.transposed()      // x[0]: every x₁, x[1]: every x₂
    stats.append([name, x[0].mean(), x[1].mean(), x[0].std(), x[1].std()])
}
stats
// %%
let d = digitParts.standardized()
let pixels = digitParts.train.features.reshaped([-1, 64]).transposed()
let constant = (0..<64).filter { pixels[$0].std() == 0 }
print("pixels constant over the training images:", constant, "of 0…63")
// %%
var net = mlp([2, 32, 32, 2], seed: 0)
net
// %%
let hidden = net.layers[2].weight!          // dense2, [32, 32]
print("std of dense2's weights:", hidden.std(), "  He: √(2/32) =", sqrt(2.0 / 32))
// %%
let moonsLog = train(&net, on: data.train, validation: data.validation,
                     epochs: 20, seed: 0)
moonsLog
// %%
let moonsTest = evaluate(net, on: data.test)
moonsTest
// %%
let predicted = net.predict(data.test)
grid([plot(scatter(data.test), title: "True class"),
      plot(scatter(data.test, predictions: predicted), title: "Predicted class")])
