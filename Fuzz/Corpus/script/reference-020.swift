sinh(1.0)
