"abcd".shuffled()
