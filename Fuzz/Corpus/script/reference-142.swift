(1...4).reversed()
