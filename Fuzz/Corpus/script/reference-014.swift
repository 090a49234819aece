sin(Double.pi / 6)
