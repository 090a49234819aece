"fp8e4m3".filter { Int($0) != nil }
