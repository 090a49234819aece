Double.pi
