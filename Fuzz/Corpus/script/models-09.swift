var net = mlp([2, 32, 32, 2], seed: 0)
net
