"q4_1".compactMap { Int($0) }
