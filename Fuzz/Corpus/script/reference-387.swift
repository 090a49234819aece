Double.leastNonzeroMagnitude / 2
