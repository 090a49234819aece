print(Double.nan.isNaN, (0.0 / 0.0).isNaN, 1.5.isNaN)
