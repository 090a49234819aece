load("model.safetensors").names
