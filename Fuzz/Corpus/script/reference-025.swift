print(round(2.5), round(-2.5), round(0.49))   // halves away from zero
