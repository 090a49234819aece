fixedPointMultiplier(0.0072)   // M0 · 2^(shift − 31), M0 in [2^30, 2^31)
