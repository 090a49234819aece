"fp8e4m3".prefix(3)
