relu(tensor([-1.5, 0, 2.25])).values
