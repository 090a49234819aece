"xyz".randomElement()
