let int8Teacher = quantize(teacher, weights: .int8, activations: .uint8,
                           calibration: data.validation)
let models = [
    ("teacher, float32", teacher),
    ("teacher, int8", int8Teacher),
    ("teacher, int4 weights", quantize(teacher, weights: .int4,
                                       activations: .uint8,
                                       calibration: data.validation)),
    ("student alone", aloneSeed1),
    ("student distilled", taughtSeed1),
    ("distilled, int8", quantize(taughtSeed1, weights: .int8,
                                 activations: .uint8,
                                 calibration: data.validation))]
var sizeTable = Table(["network", "parameters", "bytes", "accuracy"])
var points: [Figure] = []
for (name, model) in models {
    let accuracy = evaluate(model, on: data.test).accuracy
    sizeTable.append([name, model.parameterCount, model.bytes, accuracy])
    let x = log10(Double(model.bytes))
    points.append(scatter(x: [x], y: [accuracy], label: name))
}
sizeTable
