acos(-1.0)
