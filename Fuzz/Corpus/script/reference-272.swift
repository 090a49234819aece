tensor([-3, -0.5, 0.5, 3]).clamped(min: -1, max: 1).values
