let mse = 0.000123456
print(format(mse), format(mse, digits: 2), format(1.0 / 3, decimals: 2))
print(format(16_777_216), format(-2.5e-7))
