["int8": 8, "int4": 4].mapValues { 1 << $0 }
