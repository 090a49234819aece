Int("8").description
