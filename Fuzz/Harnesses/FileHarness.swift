import TensorFiles

/// Reads the input as a `.npy`, a `.safetensors` and a CSV file, as `load` does, and reads back
/// every element of what loads.
enum FileHarness {
    static func run(_ input: UnsafeRawBufferPointer) {
        do {
            touch(try NPY.read(buffer: input, fileName: "fuzz.npy"))
        } catch {
            _ = error.description
        }
        do {
            let (arrays, metadata) = try SafeTensors.read(buffer: input, fileName: "fuzz.safetensors")
            arrays.forEach(touch)
            _ = metadata.count
        } catch {
            _ = error.description
        }
        // CSV files must be UTF-8, as `TensorFile.readCSV` checks before parsing.
        if let text = String(validating: input, as: UTF8.self) {
            do {
                touch(try CSV.read(text: text, fileName: "fuzz.csv"))
            } catch {
                _ = error.description
            }
        }
    }

    /// Reads the elements the way the script library does (as float32), and as doubles and integers.
    static func touch(_ array: LoadedArray) {
        _ = array.float32.count
        _ = array.values.count
        _ = array.int64Values?.count
        _ = array.uint64Values?.count
    }
}
