quantize(tensor([-0.5, 1.0, 2.0]), bits: 8, scheme: .asymmetric).zeroPoint   // 0 - round(-0.5 / (2.5 / 255))
