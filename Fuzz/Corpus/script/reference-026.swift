print(trunc(2.7), trunc(-2.7))
