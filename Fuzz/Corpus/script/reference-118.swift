var w = [0.5, -0.001, 0.25, 0.0004]
w.removeAll { abs($0) < 0.01 }
print(w)
w.removeAll()
print(w)
