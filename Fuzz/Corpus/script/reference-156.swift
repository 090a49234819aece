print("int8".first ?? "", "int8".first { Int($0) != nil } ?? "")
