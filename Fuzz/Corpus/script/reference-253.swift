print(Int("8") ?? 0, Int("eight") ?? 0, [1, 2].first!)
