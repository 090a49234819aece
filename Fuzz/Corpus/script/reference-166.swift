print("q4_0".firstIndex(of: "_") ?? -1, "q4_0".firstIndex { Int($0) != nil } ?? -1)
