import Foundation

extension PlacementProblem {
    /// Reads a problem from its JSON form and validates it.
    public init(json data: Data, source: String = "(JSON data)") throws(PlacementError) {
        do {
            self = try JSONDecoder().decode(PlacementProblem.self, from: data)
        } catch let error as DecodingError {
            throw .unreadableProblem(source, Self.describe(error))
        } catch {
            throw .unreadableProblem(source, "\(error)")
        }
        try validate()
    }

    /// Reads a problem from a JSON file and validates it.
    public init(contentsOf url: URL) throws(PlacementError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableProblem(url.path, "the file cannot be read (\(error.localizedDescription))")
        }
        try self.init(json: data, source: url.path)
    }

    /// The JSON form: keys sorted, so the same problem always gives the same bytes.
    public func jsonData() throws(PlacementError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try encoder.encode(self)
        } catch {
            throw .unwritableProblem("JSON", "\(error)")
        }
    }

    /// Writes the JSON form to a file, atomically.
    public func write(to url: URL) throws(PlacementError) {
        let data = try jsonData()
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw .unwritableProblem(url.path, error.localizedDescription)
        }
    }

    /// A decoding error as one line: where in the document, and what was wrong there.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath)): the key '\(key.stringValue)' is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(type), found null"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
