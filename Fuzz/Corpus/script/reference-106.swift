["int8", "fp8", "nf4"].joined(separator: ", ")
