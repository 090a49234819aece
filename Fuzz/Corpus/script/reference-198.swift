["int8": 49.9, "int4": 25.8, "int2": 7.3].filter { $0.value > 20 }
