"8tni".reversed()
