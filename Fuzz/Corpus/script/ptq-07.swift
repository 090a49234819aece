let int8Comparison = compare(net, q8, on: data.test)
int8Comparison
