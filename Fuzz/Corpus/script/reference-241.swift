print(1.0.ulp, 1024.0.ulp)
