["w": 1024, "b": 32].reduce(0) { $0 + $1.value }
