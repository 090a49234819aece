Int.max
