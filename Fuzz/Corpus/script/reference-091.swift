[0.5, -1.5, 0.25].reduce(0) { max($0, abs($1)) }   // absMax
