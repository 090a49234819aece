let x = quantize(tensor([[[1, 2, 3, 4, 5]]]), bits: 8)   // [batch, channels, length]
let k = quantize(tensor([[[1, 0, -1]]]), bits: 8)      // [out, in, width]
dequantize(conv1d(x, k)).values
