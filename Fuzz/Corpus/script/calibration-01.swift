let x = laplace([65536], scale: 1)
print("std:", x.std(), " max|x|:", x.absMax(), " 99.9th percentile of |x|:", x.abs().percentile(99.9))
