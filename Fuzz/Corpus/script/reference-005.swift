let bits = 4
precondition(bits >= 2, "too few bits")
precondition(bits <= 3, "this lesson uses 2 or 3 bits")
