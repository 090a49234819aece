["int8": 49.9, "int4": 25.8].keys
