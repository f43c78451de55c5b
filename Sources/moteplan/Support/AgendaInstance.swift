import MoteplanCore

/// Which instance `moteplan agenda` is about: the structure's only one, the one `--instance`
/// names (its id or its name, in any case), or none when `--meeting` picks the meeting itself.
enum AgendaInstance {
    /// The instance id to keep, nil for all of a single-instance structure or when `--meeting`
    /// is given alone; a usage failure listing the instances when a choice is needed and missing.
    static func resolve(_ text: String?, meeting: String?, structure: Structure, in schedule: Schedule) throws -> String? {
        let instances = schedule.instances.filter { $0.structureID == structure.id }
        let several = instances.count > 1 || instances.contains { !$0.isSingle }
        guard let text else {
            guard several, meeting == nil else { return nil }
            throw UsageFailure(message: "\(structure.id) has one meeting series per \(unitOrGroup(instances)), each with its own leader; give --instance with one of: \(listing(instances)).")
        }
        guard several else {
            throw UsageFailure(message: "\(structure.id) has a single instance; leave out --instance.")
        }
        let key = text.lowercased()
        if let exact = instances.first(where: { $0.instanceID == key || $0.name.lowercased() == key }) {
            return exact.instanceID
        }
        let hint = Suggestion.closest(to: text, in: instances.map(\.instanceID)).map { " Did you mean \"\($0)\"?" } ?? ""
        throw UsageFailure(message: "\(structure.id) has no instance \"\(text)\".\(hint) Its instances: \(listing(instances)).")
    }

    /// `nedre-melhus (Nedre Melhus), melhus-sor (Melhus sør), …`
    static func listing(_ instances: [StructureInstance]) -> String {
        instances.map { "\($0.instanceID) (\($0.name))" }.joined(separator: ", ")
    }

    static func unitOrGroup(_ instances: [StructureInstance]) -> String {
        instances.contains { $0.unitID != nil } ? "unit" : "group"
    }
}
