["bits": 8].description
