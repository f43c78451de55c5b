import MoteplanCore

/// The structure with `id`, or a usage failure (exit 2) naming the closest id.
func requireStructure(_ id: String, in config: Configuration) throws -> Structure {
    guard let structure = config.structure(id) else {
        throw UsageFailure(message: "unknown structure \"\(id)\"." + Suggestion.hint(for: id, in: config.structures.map(\.id)))
    }
    return structure
}

/// A `--school-year` value: `2026/27`, or `2026-27` as in the server's URLs; its start year.
func parseSchoolYear(_ text: String, option: String = "--school-year") throws -> Int {
    guard let start = SchoolYear.parse(label: text.replacingOccurrences(of: "-", with: "/")) else {
        throw UsageFailure(message: "\(option) \"\(text)\" is not a school year; write it as 2026/27.")
    }
    return start
}
