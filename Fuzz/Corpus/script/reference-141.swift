print((1...4).sorted(), (1...4).sorted { $0 > $1 })
