exp(-0.5 * 1.0 * 1.0) / sqrt(2 * Double.pi)   // the normal density at 1
