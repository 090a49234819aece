var t = Table(["bits", "levels"])
for b in [2, 4, 8] { t.append([b, 1 << b]) }
t
