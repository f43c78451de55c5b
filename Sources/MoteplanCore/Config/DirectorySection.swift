extension ConfigReader {
    static let roleKeys = ["id", "name", "person", "email", "capacity", "unavailable", "prefer", "avoid"]
    static let unitKeys = [
        "id", "name", "kind", "head", "head_person", "head_email", "location", "capacity", "unavailable", "prefer", "avoid",
    ]
    static let groupKeys = ["id", "name", "members", "leader", "rotation"]
    static let rotationKeys = ["candidates", "term", "first_term", "first_leader", "handover_weeks"]

    func readRole(_ table: TableReader) -> Role? {
        table.rejectUnknownKeys(Self.roleKeys)
        let id = id(table, what: "role")
        let name = table.text("name", required: "the role's name, e.g. \"SLT-koordinator\"")
        let person = table.text("person")
        let email = email(table, "email")
        let availability = readAvailability(table)
        let wishes = readWishes(table)
        guard let id, let name else { return nil }
        var role = Role(id: id, name: name, person: person, email: email)
        role.availability = availability
        role.wishes = wishes
        return role
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
        let availability = readAvailability(table)
        let wishes = readWishes(table)
        guard let id, let name, let head, !kinds.isEmpty else { return nil }
        var headRole = Role(id: id, name: "\(head), \(name)", person: person, email: email)
        headRole.availability = availability
        var unit = Unit(id: id, name: name, kinds: kinds, head: headRole, location: location)
        unit.wishes = wishes
        return unit
    }

    func readGroup(_ table: TableReader) -> Group? {
        table.rejectUnknownKeys(Self.groupKeys)
        let id = id(table, what: "group")
        let name = table.text("name", required: "the group's name, e.g. \"Nedre Melhus\"")
        let members = table.strings("members", required: "the ids of the member units") ?? []
        let leader = table.text("leader")
        let rotation = table.table("rotation").flatMap(readRotation)
        if leader != nil && table.has("rotation") {
            diagnostics.error(table.path.appending("leader"), "give either a fixed leader or a rotation, not both.")
        }
        guard let id, let name else { return nil }
        return Group(id: id, name: name, members: members.map(\.0), leader: leader, rotation: rotation)
    }

    /// `rotation = { candidates = [...], term = "school_year", first_term = "2026/27", first_leader = "..." }`.
    func readRotation(_ table: TableReader) -> RotationRule? {
        table.rejectUnknownKeys(Self.rotationKeys)
        let candidates = table.strings("candidates", required: "the units or roles that take turns, in order") ?? []
        var seen = Set<String>()
        for (candidate, at) in candidates where !seen.insert(candidate).inserted {
            diagnostics.error(at, "\"\(candidate)\" is listed twice.")
        }
        if table.has("candidates") && candidates.isEmpty {
            diagnostics.error(table.path.appending("candidates"), "list at least one candidate.")
        }
        let kindWord = table.string("term") ?? TermKind.schoolYear.rawValue
        guard let kind = TermKind(rawValue: kindWord) else {
            diagnostics.error(
                table.path.appending("term"),
                "unknown term \"\(kindWord)\"." + Suggestion.hint(for: kindWord, in: TermKind.allCases.map(\.rawValue)))
            return nil
        }
        var firstTerm: Term?
        if let raw = table.value("first_term") {
            let label = raw.string ?? raw.int.map(String.init) ?? ""
            firstTerm = Term(kind: kind, label: label)
            if firstTerm == nil {
                let example = kind == .schoolYear ? "\"2026/27\"" : "2026"
                diagnostics.error(table.path.appending("first_term"), "\"\(label)\" is not a \(kind == .schoolYear ? "school" : "calendar") year; write it as \(example).")
            }
        } else {
            table.missing("first_term", "the first term, e.g. \"2026/27\"")
        }
        let firstLeader = table.text("first_leader", required: "who leads the first term")
        if let firstLeader, !candidates.isEmpty, !candidates.contains(where: { $0.0 == firstLeader }) {
            diagnostics.error(table.path.appending("first_leader"), "\"\(firstLeader)\" is not one of the candidates.")
        }
        let handoverWeeks = table.int("handover_weeks", default: 6, in: 1...26, unit: "weeks").value
        guard let firstTerm, let firstLeader, !candidates.isEmpty else { return nil }
        return RotationRule(
            candidates: candidates.map(\.0), termKind: kind, firstTerm: firstTerm, firstLeader: firstLeader,
            handoverWeeks: handoverWeeks)
    }
}
