(2...8).map { 6.02 * Double($0) + 1.76 }.map { Int($0) }   // dB per bit
