["int8": 8, "int4": 4].map { "\($0.key): \(1 << $0.value) levels" }
