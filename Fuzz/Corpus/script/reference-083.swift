print([8, 4, 2].count, [4, 8, 8, 16].count { $0 == 8 })
