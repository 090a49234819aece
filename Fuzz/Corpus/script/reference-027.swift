pow(2.0, 8.0) - 1   // the largest 8-bit unsigned code
