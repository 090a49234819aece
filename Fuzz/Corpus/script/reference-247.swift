print(7.5.remainder(dividingBy: 2), (-7.5).remainder(dividingBy: 2))
