print(Int.random(in: -128...127), Int.random(in: 0..<16))
