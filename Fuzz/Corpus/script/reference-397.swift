Int.min
