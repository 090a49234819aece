load("model.safetensors").metadata
