(10...20).lastIndex(of: 15)
