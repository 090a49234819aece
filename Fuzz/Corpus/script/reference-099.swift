print([8, 2, 4].sorted(), [0.5, -3.0, 1.0].sorted { abs($0) > abs($1) })
