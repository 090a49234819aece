["a": "8", "b": "x", "c": "4"].compactMap { Int($0.value) }
