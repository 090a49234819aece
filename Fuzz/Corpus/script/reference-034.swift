print(Float(0.1))
Float("1e-3")
