import QuantEngine
import TensorFiles

extension BuiltinExampleCatalog {
    /// Examples of `BuiltinLibrary.files`. They read the fixtures below, which whoever runs the
    /// examples writes into the session's folder.
    static let files = BuiltinExampleCatalog(
        sections: [
            BuiltinExampleSection(
                "Files",
                [
                    .function(
                        "load",
                        """
                        let w = load("weights.npy")
                        print(w.shape, load("data.csv").shape)
                        load("model.safetensors", tensor: "encoder.0.bias")
                        """),
                    .function(
                        "save",
                        """
                        let w = load("weights.npy")
                        save(quantize(w, bits: 8), to: "w_int8.npy")
                        save(quantize(w, bits: 4, scheme: .asymmetric), to: "w_uint4.safetensors")
                        """),
                    .type(
                        "TensorArchive",
                        """
                        load("model.safetensors")
                        """),
                    .member(
                        "TensorArchive", "names",
                        """
                        load("model.safetensors").names
                        """),
                    .member(
                        "TensorArchive", "metadata",
                        """
                        load("model.safetensors").metadata
                        """),
                    .member(
                        "TensorArchive", "subscript",
                        """
                        let model = load("model.safetensors")
                        model["encoder.0.weight"].shape
                        """),
                ])
        ],
        fixtures: ReferenceFixtures.files)
}

/// The files the reference's examples load: a weight matrix, a small model and a CSV table.
enum ReferenceFixtures {
    static let files: [SavedFile] = {
        do {
            let weights = try Tensor.randn([4, 8], std: 0.02, seed: 7)
            let encoder = try Tensor.randn([8, 4], std: 0.1, seed: 1)
            let bias = try Tensor.randn([8], std: 0.01, seed: 2)
            let decoder = try Tensor.randn([2, 8], std: 0.1, seed: 3)
            let model = try SafeTensors.write(
                arrays: [
                    LoadedArray(name: "encoder.0.weight", shape: [8, 4], dtype: .float32, float32: encoder.scalars),
                    LoadedArray(name: "encoder.0.bias", shape: [8], dtype: .float32, float32: bias.scalars),
                    LoadedArray(name: "decoder.weight", shape: [2, 8], dtype: .float16, float32: decoder.scalars),
                ],
                metadata: ["format": "pt", "source": "qnb reference fixture"])
            let csv = "x,y\n0.25,-1.5\n0.5,2.0\n-0.75,0.125\n"
            return [
                SavedFile(name: "weights.npy", bytes: try NPY.write(shape: weights.shape, float32: weights.scalars)),
                SavedFile(name: "model.safetensors", bytes: model),
                SavedFile(name: "data.csv", bytes: Array(csv.utf8)),
            ]
        } catch {
            preconditionFailure("the reference fixtures cannot be written: \(error)")
        }
    }()
}
