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

/// The id of the role, unit or location `text` names (`what` is "leader", "unit", …): its id, a
/// person's name or an e-mail address, in any case. Several matches or none are a usage failure
/// (exit 2) that lists the candidates with their ids, or suggests an id only when one is close.
func resolveID(_ text: String, what: String, in config: Configuration, sections: ActorLookup.Sections) throws -> String {
    switch ActorLookup(config, sections: sections).find(text) {
    case .found(let id):
        return id
    case .ambiguous(let candidates):
        let listed = candidates.map { "\($0.id) (\($0.label))" }.joined(separator: "; ")
        throw UsageFailure(message: "\(what) \"\(text)\" is ambiguous: it matches \(listed). Give one of these ids.")
    case .unknown(let suggestion?):
        throw UsageFailure(message: "unknown \(what) \"\(text)\". Did you mean \"\(suggestion)\"?")
    case .unknown(nil):
        throw UsageFailure(message: "unknown \(what) \"\(text)\": not defined: add it under \(sections.tables), or give an id, a person's name or an e-mail address from the config.")
    }
}
