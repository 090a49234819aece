let moonsTest = evaluate(net, on: data.test)
moonsTest
