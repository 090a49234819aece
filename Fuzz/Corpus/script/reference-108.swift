[2, 4, 8].randomElement()
