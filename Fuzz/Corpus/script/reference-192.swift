print([String: Double]().isEmpty, ["a": 1].isEmpty)
