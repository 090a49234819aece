let x = tensor([-1.5, -0.5, 0.5, 1.5, 2.5, 0.7])
for r: Rounding in [.nearestEven, .nearestAway, .towardZero, .down, .up, .stochastic(seed: 1)] {
    print(r, quantize(x, scale: 1, rounding: r).values)
}
