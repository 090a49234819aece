dataset(.digits).count
