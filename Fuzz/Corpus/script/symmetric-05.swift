let ties = tensor([0.5, 1.5, 2.5, -0.5, -1.5, -2.5])
let tieCodes = quantize(ties, scale: 1, zeroPoint: 0, bits: 8).values
tieCodes
