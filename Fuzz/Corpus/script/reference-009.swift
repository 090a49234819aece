sqrt(2.0) / 2
