"int8".reduce("") { $1 + $0 }
