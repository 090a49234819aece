"  8 bits \n".trimmingWhitespace()
