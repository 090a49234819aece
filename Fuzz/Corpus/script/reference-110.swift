[4, 8].startIndex
