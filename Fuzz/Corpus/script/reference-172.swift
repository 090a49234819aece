for (i, c) in "fp8".enumerated() { print(i, c) }
