let digits = dataset(.digits)
digits
