log(2.0) / log(10.0)
