print(1.0.isNormal, 1e-310.isNormal, 0.0.isNormal)
