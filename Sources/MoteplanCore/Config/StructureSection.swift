extension ConfigReader {
    static let structureKeys = [
        "id", "title", "description", "per", "unit_kinds", "groups", "cadence", "start", "end", "duration_minutes",
        "slots", "location", "leader", "participants", "school_calendar", "on_holiday", "max_shift_days", "markers",
        "notice_days", "referat", "agenda", "optional_participants", "instances", "placement", "prefer", "avoid",
        "invitations", "from", "until", "skip_holidays",
    ]
    static let instanceKeys = [
        "id", "cadence", "start", "end", "duration_minutes", "slots", "location", "participants", "placement", "prefer",
        "avoid", "from", "until",
    ]
    static let markerKeys = ["id", "text", "per_half_year", "per_school_year", "position", "guests", "dates"]
    static let referatKeys = ["to", "days"]
    static let agendaKeys = ["closes_days_before", "items"]
    static let slotKeys = ["start", "end", "duration_minutes"]
    static let perWords = ["one", "unit", "group"]
    static let holidayWords = ["skip", "move"]

    func readStructure(_ table: TableReader) -> Structure? {
        table.rejectUnknownKeys(Self.structureKeys)
        let id = id(table, what: "structure")
        let title = table.text("title", required: "the meeting title people see, e.g. \"Tverrfaglig nettverk\"")
        let description = table.string("description")?.trimmingSpaces ?? ""
        let instantiation = readInstantiation(table)
        var auto = readPlacementMode(table) ?? false
        if auto, table.table("cadence")?.string("kind") == "at_least" {
            diagnostics.error(table.path.appending("placement"), "an at_least duty has no dates to place (the units choose and register them): remove placement = \"auto\".")
            auto = false
        }
        let space = auto ? readChoiceSpace(table, inherited: nil) : nil
        let choices = space?.choices
        let cadence = auto
            ? choices?.first?.cadence
            : table.table("cadence", required: "when it meets, e.g. { kind = \"monthly\", nth = [2], weekday = \"tirsdag\" }")
                .flatMap { readCadence($0) }
        let slots = auto ? choices?.first?.slots ?? [] : readStructureSlots(table, cadence: cadence)
        let wishes = readWishes(table)
        let leader = readLeader(table)
        let participants = table.strings("participants")?.map(\.0) ?? []
        let school = table.bool("school_calendar") ?? false
        let policy = readHolidayPolicy(table)
        let markers = table.tables("markers").compactMap(readMarker)
        let location = table.text("location")
        let noticeDays = table.int("notice_days", default: 14, in: 0...90, unit: "days").value
        let invitations = table.bool("invitations") ?? false
        let active = readActivePeriod(table)
        let skipped = table.strings("skip_holidays") ?? []
        let referat = table.table("referat").flatMap(readReferatDuty)
        let agenda = table.table("agenda").map(readAgenda) ?? AgendaSettings()
        let optional = table.strings("optional_participants")?.map(\.0) ?? []
        var overrides: [String: InstanceOverride] = [:]
        var order: [String] = []
        // What an automatic instance takes from the structure: its options, or its one pattern.
        let inheritedSpace = space ?? cadence.flatMap { slots.isEmpty ? nil : ChoiceSpace(cadences: [$0], slotSets: [slots]) }
        for entry in table.tables("instances") {
            guard let override = readInstanceOverride(entry, structureSpace: inheritedSpace, structureAuto: auto) else {
                order.append("")
                continue
            }
            order.append(override.id)
            if overrides[override.id] != nil {
                diagnostics.error(entry.path.appending("id"), "instance \"\(override.id)\" has two overrides; merge them into one.")
            }
            overrides[override.id] = override
        }
        guard let id, let title, let instantiation, let cadence, let leader, let policy, !slots.isEmpty else {
            return nil
        }
        var structure = Structure(
            id: id, title: title, description: description, instantiation: instantiation, cadence: cadence,
            slots: slots, location: location, leader: leader, participants: participants,
            followsSchoolCalendar: school, holidayPolicy: policy, markers: markers)
        structure.noticeDays = noticeDays
        structure.sendsInvitations = invitations
        structure.active = active
        structure.skippedHolidays = skipped.map(\.0)
        structure.referat = referat
        structure.agenda = agenda
        structure.optionalParticipants = optional
        structure.instanceOverrides = overrides
        structure.instanceOverrideOrder = order
        structure.choices = choices
        structure.wishes = wishes
        return structure
    }

    /// `[[structures.instances]]`: one instance's own cadence, times, place, participants or
    /// placement. In an automatic structure (`structureSpace`) its cadence and start are lists to
    /// choose from too, unless it says `placement = "fixed"`.
    func readInstanceOverride(_ table: TableReader, structureSpace: ChoiceSpace?, structureAuto: Bool) -> InstanceOverride? {
        table.rejectUnknownKeys(Self.instanceKeys)
        guard let id = table.text("id", required: "the unit or group id of the instance") else { return nil }
        var override = InstanceOverride(id: id)
        let own = readPlacementMode(table)
        let auto = own ?? structureAuto
        let givesPattern = ["cadence", "start", "end", "duration_minutes", "slots"].contains(where: table.has)
        override.wishes = readWishes(table)
        if auto && (givesPattern || own == true) {
            // From the structure's options where the instance leaves a part out; a fixed structure's
            // own cadence and times are its one option.
            guard let space = readChoiceSpace(table, inherited: structureSpace) else { return nil }
            override.choices = space.choices
        } else {
            if table.has("cadence") {
                guard let cadence = table.table("cadence").flatMap({ readCadence($0) }) else { return nil }
                override.cadence = cadence
            }
            if ["start", "end", "duration_minutes", "slots"].contains(where: table.has) {
                let slots = readSlots(table)
                guard !slots.isEmpty else { return nil }
                override.slots = slots
            }
            // Fixed in an automatic structure: the instance keeps its own (or the first) pattern.
            if structureAuto && own == false { override.choices = [] }
        }
        override.location = table.text("location")
        override.participants = table.strings("participants")?.map(\.0)
        let active = readActivePeriod(table)
        override.from = active.from
        override.until = active.until
        return override
    }

    /// A fixed structure's times: `start`/`end` or `slots`, except that a `dates` cadence whose
    /// every entry has its own `slots` needs none (the first date's stand for the structure). With
    /// some entries without slots and no structure times, each such entry is named.
    func readStructureSlots(_ table: TableReader, cadence: Cadence?) -> [Slot] {
        let givesTimes = ["start", "end", "duration_minutes", "slots"].contains(where: table.has)
        // An at-least duty has no planned times: any given are the usual length of a registered
        // meeting (default one hour).
        if case .atLeast? = cadence?.rule, !givesTimes, let nine = LocalTime(hour: 9, minute: 0), let ten = LocalTime(hour: 10, minute: 0) {
            return [Slot(start: nine, end: ten)]
        }
        guard !givesTimes, case .dates(let occurrences)? = cadence?.rule, !occurrences.isEmpty else { return readSlots(table) }
        if occurrences.allSatisfy({ !$0.slots.isEmpty }) { return occurrences[0].slots }
        let entries = table.table("cadence")?.array("dates") ?? []
        for (raw, at) in entries where !(raw.table.map { TableReader(table: $0, path: at, diagnostics: diagnostics).has("slots") } ?? false) {
            diagnostics.error(at, "this date has no slots and the structure gives no start/end: add slots = [{ start = \"09:00\", end = \"11:00\" }] to it, or start and end to the structure.")
        }
        return []
    }

    /// `from` and `until` (dates, both included); `until` before `from` is an error.
    func readActivePeriod(_ table: TableReader) -> ActivePeriod {
        let period = ActivePeriod(from: table.date("from"), until: table.date("until"))
        if let from = period.from, let until = period.until, until < from {
            diagnostics.error(table.path.appending("until"), "until \(until) is before from \(from): the arena would never meet.")
        }
        return period
    }

    /// `[structures.referat]`: `to` (the receiving structure) and `days` allowed after the meeting.
    func readReferatDuty(_ table: TableReader) -> ReferatDuty? {
        table.rejectUnknownKeys(Self.referatKeys)
        let receiver = table.text("to", required: "the structure that receives the referat, e.g. \"samarbeidsgruppe\"")
        let days = table.int("days", default: 14, in: 0...120, unit: "days").value
        return receiver.map { ReferatDuty(receiver: $0, days: days) }
    }

    /// `[structures.agenda]`: `closes_days_before` and fixed `items`.
    func readAgenda(_ table: TableReader) -> AgendaSettings {
        table.rejectUnknownKeys(Self.agendaKeys)
        let closes = table.int("closes_days_before", default: 7, in: 0...60, unit: "days").value
        let items = table.strings("items")?.map { $0.0.trimmingSpaces }.filter { !$0.isEmpty } ?? []
        return AgendaSettings(closesDaysBefore: closes, items: items)
    }

    func readInstantiation(_ table: TableReader) -> Instantiation? {
        let per = table.string("per") ?? "one"
        switch per {
        case "one", "unit":
            if table.has("groups") {
                diagnostics.error(table.path.appending("groups"), "groups only applies with per = \"group\".")
            }
            if per == "unit" { return readUnitKinds(table) }
            if table.has("unit_kinds") {
                diagnostics.error(table.path.appending("unit_kinds"), "unit_kinds only applies with per = \"unit\".")
            }
            return .one
        case "group":
            if table.has("unit_kinds") {
                diagnostics.error(table.path.appending("unit_kinds"), "unit_kinds only applies with per = \"unit\".")
            }
            return .perGroup(only: table.strings("groups")?.map(\.0) ?? [])
        default:
            diagnostics.error(table.path.appending("per"), "unknown value \"\(per)\"." + Suggestion.hint(for: per, in: Self.perWords))
            return nil
        }
    }

    func readUnitKinds(_ table: TableReader) -> Instantiation? {
        do {
            let choices = UnitKind.allCases.map(\.rawValue)
            var kinds = Set<UnitKind>()
            for (word, at) in table.strings("unit_kinds", required: "which unit kinds get an instance, e.g. [\"skole\", \"barnehage\"]", allowSingle: true) ?? [] {
                guard let kind = UnitKind(rawValue: word.lowercased()) else {
                    diagnostics.error(at, "unknown unit kind \"\(word)\"." + Suggestion.hint(for: word, in: choices))
                    continue
                }
                kinds.insert(kind)
            }
            return kinds.isEmpty ? nil : .perUnit(kinds: kinds)
        }
    }

    func readLeader(_ table: TableReader) -> LeaderRule? {
        guard let word = table.text("leader", required: "a role id, \"unit-head\" or \"group-leader\"") else { return nil }
        switch word {
        case "unit-head": return .unitHead
        case "group-leader": return .groupLeader
        default: return .fixed(word)
        }
    }

    func readHolidayPolicy(_ table: TableReader) -> HolidayPolicy? {
        let word = table.string("on_holiday") ?? "move"
        let maxDays = table.int("max_shift_days")
        switch word {
        case "skip":
            if maxDays != nil {
                diagnostics.error(table.path.appending("max_shift_days"), "max_shift_days only applies with on_holiday = \"move\".")
            }
            return .skip
        case "move":
            let days = maxDays ?? 7
            guard (1...31).contains(days) else {
                diagnostics.error(table.path.appending("max_shift_days"), "\(days) is out of range; use 1 to 31 days.")
                return nil
            }
            return .move(maxDays: days)
        default:
            diagnostics.error(
                table.path.appending("on_holiday"),
                "unknown value \"\(word)\"." + Suggestion.hint(for: word, in: Self.holidayWords))
            return nil
        }
    }

    /// The structure's slots: `start` with `end` or `duration_minutes`, or `slots = [{ start, end }, …]`.
    func readSlots(_ table: TableReader) -> [Slot] {
        if table.has("slots") {
            for key in ["start", "end", "duration_minutes"] where table.has(key) {
                diagnostics.error(table.path.appending(key), "give either start/end or slots, not both.")
            }
            return readSlotList(table, key: "slots")
        }
        return readSlot(table, what: "the start time, e.g. \"14:00\" (or slots = [{ start, end }, …])").map { [$0] } ?? []
    }

    func readSlotList(_ table: TableReader, key: String) -> [Slot] {
        let entries = table.tables(key)
        if table.has(key) && entries.isEmpty && !diagnostics.hasErrors {
            diagnostics.error(table.path.appending(key), "list at least one slot { start = \"09:00\", end = \"11:00\" }.")
        }
        var slots: [Slot] = []
        for entry in entries {
            entry.rejectUnknownKeys(Self.slotKeys)
            if let slot = readSlot(entry, what: "the slot's start time") { slots.append(slot) }
        }
        slots.sort { $0.start < $1.start }
        for (a, b) in zip(slots, slots.dropFirst()) where b.start < a.end {
            diagnostics.error(table.path.appending(key), "slots \(a.start)–\(a.end) and \(b.start)–\(b.end) overlap.")
        }
        return slots
    }

    func readSlot(_ table: TableReader, what: String) -> Slot? {
        let start = table.time("start", required: what)
        if table.has("end") && table.has("duration_minutes") {
            diagnostics.error(table.path.appending("duration_minutes"), "give either end or duration_minutes, not both.")
            return nil
        }
        var end: LocalTime?
        if table.has("duration_minutes") {
            guard let minutes = table.int("duration_minutes"), let start else { return nil }
            guard minutes > 0, let sameDay = start.adding(minutes: minutes) else {
                diagnostics.error(table.path.appending("duration_minutes"), "\(minutes) minutes from \(start) does not end the same day; meetings end on the day they start.")
                return nil
            }
            end = sameDay
        } else {
            end = table.time("end", required: "the end time, e.g. \"15:30\" (or duration_minutes)")
        }
        guard let start, let end else { return nil }
        guard start < end else {
            diagnostics.error(table.path.appending("end"), "the meeting ends (\(end)) before it starts (\(start)).")
            return nil
        }
        return Slot(start: start, end: end)
    }

    func readMarker(_ table: TableReader) -> Marker? {
        table.rejectUnknownKeys(Self.markerKeys)
        let id = id(table, what: "marker")
        let text = table.text("text", required: "what the marked meetings show, e.g. \"SLT på agendaen\"")
        if table.has("per_half_year") && table.has("per_school_year") {
            diagnostics.error(table.path.appending("per_school_year"), "give either per_half_year or per_school_year, not both.")
        }
        let period: MarkerPeriod = table.has("per_school_year") ? .schoolYear : .halfYear
        let countKey = period == .schoolYear ? "per_school_year" : "per_half_year"
        let count = table.int(countKey, default: 1, in: 1...12, unit: "meetings").value
        let position = table.string("position") ?? "first"
        if !["first", "last"].contains(position) {
            diagnostics.error(
                table.path.appending("position"),
                "unknown value \"\(position)\"." + Suggestion.hint(for: position, in: ["first", "last"]))
        }
        let guests = table.strings("guests")?.map(\.0) ?? []
        var dates: [LocalDate] = []
        for (raw, at) in table.array("dates") ?? [] {
            if let date = TableReader.date(raw, at: at, diagnostics) { dates.append(date) }
        }
        guard let id, let text else { return nil }
        return Marker(
            id: id, text: text, count: count, period: period, fromEnd: position == "last", guests: guests,
            dates: dates.sorted())
    }
}
