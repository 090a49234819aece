[4, 8].endIndex
