evaluate(y, dequantize(acc))
