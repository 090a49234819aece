tan(Double.pi / 4)
