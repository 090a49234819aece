print(String(8) + " bits", String(describing: [4, 8]), String(repeating: "=", count: 10))
print(String(-3 & 0xF, radix: 2), String(format: "%6.2f dB | %05d | %x", 49.876, 42, 255))
