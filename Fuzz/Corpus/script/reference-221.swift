var cache = ["w": 1, "b": 2]
cache.removeAll()
cache
