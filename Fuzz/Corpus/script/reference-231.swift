1000.quotientAndRemainder(dividingBy: 32)   // full blocks, rest
