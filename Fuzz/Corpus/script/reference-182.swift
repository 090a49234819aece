print("fp8e4m3".hasPrefix("fp8"), "int4".hasPrefix("fp"))
