var t = Table(["bits"])
for b in 2...8 { t.append([b]) }
t.rowCount
