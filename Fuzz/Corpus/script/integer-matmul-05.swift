let qy = requantize(acc, scale: outputScale, zeroPoint: 0)
qy
