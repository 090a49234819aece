fatalError("bits must be between 2 and 16")
