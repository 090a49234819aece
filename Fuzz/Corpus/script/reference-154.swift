print("fp8e4m3".count, "fp8e4m3".count { $0 == "e" || $0 == "m" })
