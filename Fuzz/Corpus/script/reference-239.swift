print(1e-310.isSubnormal, 1.0.isSubnormal)
