"fp8e4m3".suffix(4)
