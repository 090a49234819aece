print([Double]().isEmpty, [8].isEmpty)
