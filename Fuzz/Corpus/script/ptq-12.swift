let mixed = quantize(quantize(net, bits: 4, layers: ["dense1", "dense3"]), bits: 2, layers: ["dense2"])
var assignments = Table(["weights", "accuracy", "bytes"])
assignments.append(["all 4 bits", evaluate(quantize(net, bits: 4), on: data.test).accuracy, quantize(net, bits: 4).bytes])
assignments.append(["all 3 bits", evaluate(quantize(net, bits: 3), on: data.test).accuracy, quantize(net, bits: 3).bytes])
assignments.append(["all 2 bits", evaluate(quantize(net, bits: 2), on: data.test).accuracy, quantize(net, bits: 2).bytes])
assignments.append(["4 / 2 / 4 bits", evaluate(mixed, on: data.test).accuracy, mixed.bytes])
assignments
