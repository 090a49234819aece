let scale = 0.02 / 127
assert(scale > 0, "scales are positive")
scale
