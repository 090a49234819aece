for (i, x) in (10...12).enumerated() { print(i, x) }
