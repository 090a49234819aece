["int8": 49.9, "int4": 25.8].forEach { print($0.key, $0.value) }
