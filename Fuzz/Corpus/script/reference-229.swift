print((-7).signum(), 0.signum(), 7.signum())
