(4 < 8).description
