(-128).magnitude
