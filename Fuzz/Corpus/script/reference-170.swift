print("nf4".sorted(), "nf4".sorted { $0 > $1 })
