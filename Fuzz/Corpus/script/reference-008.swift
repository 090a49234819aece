let accuracy = 0.95312
print(percent(accuracy), percent(accuracy, decimals: 2), percent(1 - accuracy, decimals: 0))
