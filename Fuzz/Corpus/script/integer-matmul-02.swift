let acc = matmul(qx, qw)
acc
