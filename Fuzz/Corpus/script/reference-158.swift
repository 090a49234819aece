"nf4".map { $0.uppercased() }
