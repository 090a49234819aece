"nf4".uppercased()
