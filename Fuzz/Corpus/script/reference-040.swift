print(Array(stride(from: 0.0, to: 1.0, by: 0.25)))
for bits in stride(from: 8, through: 2, by: -2) { print(bits, terminator: " ") }
