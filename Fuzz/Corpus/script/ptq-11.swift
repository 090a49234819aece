var sensitivity = Table(["layer at 2 bits", "weights", "accuracy"])
for layer in net.layers where layer.parameterCount > 0 {
    let single = quantize(net, bits: 2, layers: [layer.name])
    sensitivity.append([layer.name, layer.weight?.count ?? 0, evaluate(single, on: data.test).accuracy])
}
sensitivity
