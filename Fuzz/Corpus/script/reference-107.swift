[1, 2, 3, 4, 5].shuffled()   // the session's seeded generator
