var errors = [0.03, 0.001, 0.2]
errors.sort()
print(errors)
errors.sort { $0 > $1 }
print(errors)
