print(abs(-128), abs(-0.75))
