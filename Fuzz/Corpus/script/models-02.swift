scatter(moons)
