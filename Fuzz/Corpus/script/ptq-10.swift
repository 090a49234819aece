let integerComparison = compare(q8, q8, on: data.test, integer: true)
integerComparison
