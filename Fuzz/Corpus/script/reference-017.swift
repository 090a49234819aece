asin(1.0) * 2
