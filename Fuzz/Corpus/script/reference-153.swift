let name = "int8"
"\(name): \(1 << 8) levels"
