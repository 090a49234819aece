["a": 8, "b": 4, "c": 8].lastIndex(of: ("c", 8))
