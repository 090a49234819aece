for (i, entry) in ["int8": 49.9, "int4": 25.8].enumerated() { print(i, entry.key) }
