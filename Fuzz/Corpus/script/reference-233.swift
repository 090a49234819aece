(1.0 / 3).description
