[2, 4, 8].reversed()
