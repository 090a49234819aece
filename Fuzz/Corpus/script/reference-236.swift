print(1e308.isFinite, Double.infinity.isFinite)
