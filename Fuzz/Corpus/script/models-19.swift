let convTest = evaluate(conv, on: d.test)
convTest
