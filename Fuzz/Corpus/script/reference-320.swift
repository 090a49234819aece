dataset(.digits).classes
