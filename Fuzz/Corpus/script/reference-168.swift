print("int8".min() ?? "", "int8".min { $0 > $1 } ?? "")
