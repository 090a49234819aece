(-0.75).magnitude
