print((10...20).firstIndex(of: 12) ?? -1, (10...20).firstIndex { $0 % 7 == 0 } ?? -1)
