(8, "int8").description
