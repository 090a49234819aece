print((-0.0).isZero, 1e-300.isZero)
