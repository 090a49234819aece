print(Double.nan, Double.nan == Double.nan)
