print(Double.infinity, -Double.infinity < -1e308)
