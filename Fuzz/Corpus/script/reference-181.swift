"Q4_0".lowercased()
