print("int8".max() ?? "", "int8".max { $0 > $1 } ?? "")
