"q8_0".dropFirst()
