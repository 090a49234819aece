atan(1.0) * 4
