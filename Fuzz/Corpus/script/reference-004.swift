preconditionFailure("unknown scheme 'symetric'")
