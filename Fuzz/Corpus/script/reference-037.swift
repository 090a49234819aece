Optional(8)
