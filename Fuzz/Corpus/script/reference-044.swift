linspace(-1, 1, count: 5).values
