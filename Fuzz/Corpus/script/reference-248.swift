print(8 > 4, 4 == 8, !true, true && false, true || false)
