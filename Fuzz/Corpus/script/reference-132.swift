(2...16).filter { $0.nonzeroBitCount == 1 }   // powers of two
