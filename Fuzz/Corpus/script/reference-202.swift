["int8": 49.9, "int4": 25.8].allSatisfy { $0.value > 10 }
