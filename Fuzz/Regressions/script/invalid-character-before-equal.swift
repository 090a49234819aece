let a = 1
