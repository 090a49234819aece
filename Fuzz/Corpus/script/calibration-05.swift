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
