(1...6).compactMap { $0 % 2 == 0 ? $0 * $0 : nil }
