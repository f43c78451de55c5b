extension ConfigReader {
    static let roleKeys = ["id", "name", "person", "email"]
    static let unitKeys = ["id", "name", "kind", "head", "head_person", "head_email", "location"]
    static let groupKeys = ["id", "name", "members", "leader"]

    func readRole(_ table: TableReader) -> Role? {
        table.rejectUnknownKeys(Self.roleKeys)
        let id = id(table, what: "role")
        let name = table.text("name", required: "the role's name, e.g. \"SLT-koordinator\"")
        let person = table.text("person")
        let email = email(table, "email")
        guard let id, let name else { return nil }
        return Role(id: id, name: name, person: person, email: email)
    }

    func readUnit(_ table: TableReader) -> Unit? {
        table.rejectUnknownKeys(Self.unitKeys)
        let id = id(table, what: "unit")
        let name = table.text("name", required: "the unit's name")
        var kinds = Set<UnitKind>()
        let choices = UnitKind.allCases.map(\.rawValue)
        for (word, at) in table.strings("kind", required: "skole, barnehage or tjeneste", allowSingle: true) ?? [] {
            guard let kind = UnitKind(rawValue: word.lowercased()) else {
                diagnostics.error(at, "unknown unit kind \"\(word)\"." + Suggestion.hint(for: word, in: choices))
                continue
            }
            kinds.insert(kind)
        }
        let head = table.text("head", required: "the title of the unit's head, e.g. \"Rektor\" or \"Styrer\"")
        let person = table.text("head_person")
        let email = email(table, "head_email")
        let location = table.text("location")
        guard let id, let name, let head, !kinds.isEmpty else { return nil }
        let headRole = Role(id: id, name: "\(head), \(name)", person: person, email: email)
        return Unit(id: id, name: name, kinds: kinds, head: headRole, location: location)
    }

    func readGroup(_ table: TableReader) -> Group? {
        table.rejectUnknownKeys(Self.groupKeys)
        let id = id(table, what: "group")
        let name = table.text("name", required: "the group's name, e.g. \"Nedre Melhus\"")
        let members = table.strings("members", required: "the ids of the member units") ?? []
        let leader = table.text("leader")
        guard let id, let name else { return nil }
        return Group(id: id, name: name, members: members.map(\.0), leader: leader)
    }
}
