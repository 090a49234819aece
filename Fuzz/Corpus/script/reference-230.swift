print(4096.isMultiple(of: 32), 1000.isMultiple(of: 32))
