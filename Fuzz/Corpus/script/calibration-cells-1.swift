let x = laplace([65536], scale: 1)
print("std:", x.std(), " max|x|:", x.absMax(), " 99.9th percentile of |x|:", x.abs().percentile(99.9))
// %%
var table = Table(["method", "threshold, 8 bits", "SQNR (dB)",
                   "threshold, 4 bits", "SQNR (dB)", "clipped, 4 bits"])
let methods = [("min/max", Calibration.minMax), ("percentile 99.99", .percentile(99.99)),
               ("MSE", .mse), ("entropy (KL)", .entropy)]
var sqnr8: [String: Double] = [:]
var sqnr4: [String: Double] = [:]
var clipped4: [String: Double] = [:]
for (name, method) in methods {
    let q8 = quantize(x, bits: 8, range: method)
    let q4 = quantize(x, bits: 4, range: method)
    let e4 = evaluate(x, q4)
    table.append([name, q8.scale * 127, evaluate(x, q8).sqnr, q4.scale * 7, e4.sqnr, e4.clippedFraction])
    sqnr8[name] = evaluate(x, q8).sqnr
    sqnr4[name] = e4.sqnr
    clipped4[name] = e4.clippedFraction!
}
table
// %%
let spread8 = sqnr8.values.max()! - sqnr8.values.min()!
let mseGain4 = sqnr4["MSE"]! - sqnr4["min/max"]!
let entropyGain4 = sqnr4["entropy (KL)"]! - sqnr4["min/max"]!
let clippedByMSE = Int((clipped4["MSE"]! * Double(x.count)).rounded())
let clippedByEntropy = Int((clipped4["entropy (KL)"]! * Double(x.count)).rounded())
// %%
let t4mse = quantize(x, bits: 4, range: .mse).scale * 7
let t4kl = quantize(x, bits: 4, range: .entropy).scale * 7
plot(histogram(x, bins: 120, label: "activations"),
     vline(x.absMax(), label: "min/max"),
     vline(t4mse, label: "MSE"), vline(-t4mse),
     vline(t4kl, label: "entropy"), vline(-t4kl),
     title: "Where each method clips, 4 bits",
     xLabel: "activation", yLabel: "count", logY: true)
// %%
var extremes = observer(.minMax)
var smooth = observer(.movingAverage(0.1))
for batch in 0..<20 {
    let activations = relu(randn([2048], mean: 0, std: 1) * 1.5)
    extremes.observe(activations)
    smooth.observe(activations)
}
print("min/max observer:        ", extremes.min, "…", extremes.max)
print("moving-average observer: ", smooth.min, "…", smooth.max)
let test = relu(randn([8192], mean: 0, std: 1) * 1.5)
let withExtremes = evaluate(test, quantize(test, scheme: .asymmetric, range: extremes)).sqnr
let withAverage = evaluate(test, quantize(test, scheme: .asymmetric, range: smooth)).sqnr
print("SQNR with the min/max range:        ", withExtremes)
print("SQNR with the moving-average range: ", withAverage)
