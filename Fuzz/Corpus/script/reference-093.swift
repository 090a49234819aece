print([2, 4, 8].contains(4), [0.5, -3.0].contains { abs($0) > 1 })
