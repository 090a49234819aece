print(floor(2.7), floor(-2.5))
