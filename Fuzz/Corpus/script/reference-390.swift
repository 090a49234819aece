print(Double.random(in: 0..<1), Double.random(in: -1...1))
