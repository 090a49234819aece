var label = "int"
label.append("8")
label
