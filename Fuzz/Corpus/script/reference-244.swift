(0.02 * 0.02 * 2).squareRoot()
