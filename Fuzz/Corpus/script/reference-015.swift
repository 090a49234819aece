cos(Double.pi / 3)
