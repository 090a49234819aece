(1...6).shuffled()
