["a": [1, 2], "b": [3]].flatMap { $0.value }
