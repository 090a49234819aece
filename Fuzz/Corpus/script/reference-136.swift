(1...5).allSatisfy { $0 > 0 }
