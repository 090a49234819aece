for (bits, sqnr) in zip([8, 4, 2], [49.9, 25.8, 7.3]) { print("\(bits) bits: \(sqnr) dB") }
