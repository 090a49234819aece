print([8, 4, 2].first ?? 0, [3, 5, 8].first { $0 > 4 } ?? 0)
