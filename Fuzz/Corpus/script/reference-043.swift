zeros([2, 3]).values
