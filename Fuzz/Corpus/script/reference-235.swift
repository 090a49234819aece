print((1.0 / 0.0).isInfinite, 1e308.isInfinite)
