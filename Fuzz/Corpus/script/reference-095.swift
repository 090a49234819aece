print([4, 8, 8].firstIndex(of: 8) ?? -1, [0.1, 0.9, 0.4].firstIndex { $0 > 0.5 } ?? -1)
