print("".isEmpty, "nf4".isEmpty)
