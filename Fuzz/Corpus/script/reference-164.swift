print("fp8e5m2".contains("e"), "int8".contains { Int($0) != nil })
