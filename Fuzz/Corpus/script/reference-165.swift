"2024".allSatisfy { Int($0) != nil }
