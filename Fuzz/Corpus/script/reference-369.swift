load("model.safetensors")
