cosh(1.0)
