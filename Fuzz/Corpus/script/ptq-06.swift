let q8 = quantize(net, weights: .int8, activations: .uint8, calibration: data.validation)
q8
