let model = load("model.safetensors")
model["encoder.0.weight"].shape
