import TOMLKit

/// The options of an automatically placed structure or instance: every cadence it may take and
/// every set of day slots, whose product is its choices.
struct ChoiceSpace {
    var cadences: [Cadence]
    var slotSets: [[Slot]]

    /// Each cadence with each start, in that order; a pattern listed twice counts once.
    var choices: [PatternChoice] {
        var seen = Set<String>()
        return cadences.flatMap { cadence in slotSets.map { PatternChoice(cadence: cadence, slots: $0) } }
            .filter { seen.insert($0.key).inserted }
    }
}

extension ConfigReader {
    static let placementWords = ["fixed", "auto"]
    static let wishKeys = ["weekday", "nth", "start"]

    /// `placement = "auto"` (true) or `"fixed"` (false); nil when not given or not valid.
    func readPlacementMode(_ table: TableReader) -> Bool? {
        guard let word = table.string("placement") else { return nil }
        guard Self.placementWords.contains(word) else {
            diagnostics.error(
                table.path.appending("placement"),
                "unknown placement \"\(word)\"; use \"auto\" (moteplan chooses from lists of weekdays and times) or \"fixed\"."
                    + Suggestion.hint(for: word, in: Self.placementWords))
            return nil
        }
        return word == "auto"
    }

    /// The choices of an automatic structure or instance: the cadence's lists (`nth`, `weekday`)
    /// and `start` as a list with one `duration_minutes` (or one start with `end`). Parts the table
    /// leaves out come from `inherited` (the structure's, for an instance).
    func readChoiceSpace(_ table: TableReader, inherited: ChoiceSpace?) -> ChoiceSpace? {
        let cadences: [Cadence]?
        if let cadenceTable = table.table("cadence", required: inherited == nil ? "when it meets, with lists to choose from, e.g. { kind = \"monthly\", nth = [1, 2, 3], weekday = [\"tirsdag\", \"onsdag\"] }" : nil) {
            cadences = readCadenceChoices(cadenceTable)
        } else {
            cadences = inherited?.cadences
        }
        let slotSets: [[Slot]]?
        if ["start", "end", "duration_minutes", "slots"].contains(where: table.has) || inherited == nil {
            // An instance that lists only its own start times keeps the structure's length.
            let inheritedMinutes = inherited?.slotSets.first?.first.map { $0.end.minutesSinceMidnight - $0.start.minutesSinceMidnight }
            slotSets = readSlotChoices(table, inheritedMinutes: inheritedMinutes)
        } else {
            slotSets = inherited?.slotSets
        }
        guard let cadences, let slotSets, !cadences.isEmpty, !slotSets.isEmpty else { return nil }
        return ChoiceSpace(cadences: cadences, slotSets: slotSets)
    }

    /// A cadence whose `nth` and `weekday` may be lists: one cadence per combination. An element
    /// of `nth` that is itself a list is one choice of several weeks ([[1, 3], [2, 4]]).
    func readCadenceChoices(_ table: TableReader) -> [Cadence]? {
        guard let kind = table.string("kind", required: "one of monthly, weekly, months, weeks") else { return nil }
        guard kind != "dates" else {
            diagnostics.error(
                table.path.appending("kind"),
                "dates cannot be placed automatically; use monthly, weekly, months or weeks, or placement = \"fixed\".")
            return nil
        }
        // An unknown kind: the fixed reader says so, with a suggestion.
        guard Self.cadenceKeys[kind] != nil else { return readCadence(table).map { [$0] } }
        let weekdays = weekdayChoices(table, required: true)
        var weekSets: [[NthWeekday]] = [[]]
        if kind == "monthly" || kind == "months" {
            guard let nths = nthChoices(table) else { return nil }
            weekSets = nths
        }
        guard let weekdays, !weekdays.isEmpty else { return nil }
        // The rest of the cadence (months, weeks, every, anchor, exclusions) as a fixed cadence with
        // the first choice, then each choice put in.
        guard let template = readCadence(table, choice: (weekdays[0], weekSets[0])) else { return nil }
        var result: [Cadence] = []
        for nths in weekSets {
            for weekday in weekdays {
                var cadence = template
                switch template.rule {
                case .monthly: cadence.rule = .monthly(nths: nths, weekday: weekday)
                case .months(let months, _, _): cadence.rule = .months(months: months, nths: nths, weekday: weekday)
                case .weekly(let every, _, let anchor): cadence.rule = .weekly(every: every, weekday: weekday, anchor: anchor)
                case .isoWeeks(let weeks, _): cadence.rule = .isoWeeks(weeks: weeks, weekday: weekday)
                case .dates, .atLeast: continue
                }
                result.append(cadence)
            }
        }
        return result
    }

    /// `weekday = "tirsdag"` or `weekday = ["tirsdag", "onsdag"]`.
    func weekdayChoices(_ table: TableReader, required: Bool) -> [Weekday]? {
        guard let words = table.strings("weekday", required: required ? "the weekday or weekdays to choose from, e.g. [\"tirsdag\", \"onsdag\"]" : nil, allowSingle: true) else {
            return nil
        }
        var days: [Weekday] = []
        var failed = false
        for (word, at) in words {
            guard let day = Weekday(name: word) else {
                diagnostics.error(at, "unknown weekday \"\(word)\"." + Suggestion.hint(for: word, in: Weekday.acceptedNames))
                failed = true
                continue
            }
            if !days.contains(day) { days.append(day) }
        }
        if failed { return nil }
        if days.isEmpty { diagnostics.error(table.path.appending("weekday"), "list at least one weekday, e.g. [\"tirsdag\"].") }
        return days.isEmpty ? nil : days
    }

    /// `nth = [1, 2, 3]`: each element one choice; an element that is a list is several weeks at once.
    func nthChoices(_ table: TableReader) -> [[NthWeekday]]? {
        guard let items = table.array("nth", required: "the weeks of the month to choose from, e.g. [1, 2, 3]", allowSingle: true) else {
            return nil
        }
        var result: [[NthWeekday]] = []
        var failed = false
        for (raw, at) in items {
            let parts: [(TOMLValueConvertible, ConfigPath)] = raw.array.map { array in
                array.enumerated().map { ($0.element, at.appending(index: $0.offset)) }
            } ?? [(raw, at)]
            var set: [NthWeekday] = []
            for (part, partAt) in parts {
                if let nth = nthValue(part) {
                    if !set.contains(nth) { set.append(nth) }
                } else {
                    diagnostics.error(partAt, "expected 1, 2, 3, 4, -1 or \"siste\" (a 5th weekday does not exist in every month).")
                    failed = true
                }
            }
            if !set.isEmpty && !result.contains(set.sorted()) { result.append(set.sorted()) }
        }
        if failed { return nil }
        guard !result.isEmpty else {
            diagnostics.error(table.path.appending("nth"), "list at least one, e.g. [1, 2, 3].")
            return nil
        }
        return result
    }

    private func nthValue(_ raw: TOMLValueConvertible) -> NthWeekday? {
        if raw.type == .int, let n = raw.int, (1...4).contains(n) { return .nth(n) }
        if raw.type == .int, raw.int == -1 { return .last }
        if let word = raw.string, ["last", "siste"].contains(word.lowercased()) { return .last }
        return nil
    }

    /// `start = ["08:30", "12:30"]` with `duration_minutes = 90`, or one `start` with `end`.
    func readSlotChoices(_ table: TableReader, inheritedMinutes: Int? = nil) -> [[Slot]]? {
        if table.has("slots") {
            diagnostics.error(
                table.path.appending("slots"),
                "slots cannot be chosen automatically; give start = [\"08:30\", \"12:30\"] and duration_minutes, or placement = \"fixed\".")
            return nil
        }
        for key in ["end", "duration_minutes"] {
            if let raw = table.value(key), raw.array != nil {
                diagnostics.error(
                    table.path.appending(key),
                    "\(key) takes one value: every choice lasts as long. List the start times instead, e.g. start = [\"08:30\", \"12:30\"].")
                return nil
            }
        }
        guard let items = table.array("start", required: "the start times to choose from, e.g. [\"08:30\", \"12:30\"]", allowSingle: true) else {
            return nil
        }
        let starts = items.compactMap { TableReader.time($0.0, at: $0.1, diagnostics) }
        guard starts.count == items.count else { return nil }
        guard !starts.isEmpty else {
            diagnostics.error(table.path.appending("start"), "list at least one start time, e.g. [\"12:30\"].")
            return nil
        }
        if table.has("end") && table.has("duration_minutes") {
            diagnostics.error(table.path.appending("duration_minutes"), "give either end or duration_minutes, not both.")
            return nil
        }
        if table.has("end") && starts.count > 1 {
            diagnostics.error(
                table.path.appending("end"),
                "with several start times give duration_minutes (how long each meeting lasts) instead of end.")
            return nil
        }
        var slotSets: [[Slot]] = []
        for (start, (_, at)) in zip(starts, items) {
            let end: LocalTime?
            if table.has("end") {
                end = table.time("end")
            } else {
                let given = table.has("duration_minutes") || inheritedMinutes == nil
                guard let minutes = given ? table.int("duration_minutes", required: "how long each meeting lasts, e.g. 90") : inheritedMinutes
                else { return nil }
                guard minutes > 0, let sameDay = start.adding(minutes: minutes) else {
                    diagnostics.error(at, "\(minutes) minutes from \(start) does not end the same day; meetings end on the day they start.")
                    return nil
                }
                end = sameDay
            }
            guard let end else { return nil }
            guard start < end else {
                diagnostics.error(table.path.appending("end"), "the meeting ends (\(end)) before it starts (\(start)).")
                return nil
            }
            if !slotSets.contains([Slot(start: start, end: end)]) { slotSets.append([Slot(start: start, end: end)]) }
        }
        return slotSets
    }

    /// `prefer` and `avoid` of a structure, instance, unit or role.
    func readWishes(_ table: TableReader) -> PlacementWishes {
        PlacementWishes(prefer: table.table("prefer").flatMap(readWish), avoid: table.table("avoid").flatMap(readWish))
    }

    /// `{ weekday = [...], nth = [...], start = [...] }`, each a value or a list.
    func readWish(_ table: TableReader) -> PlacementWish? {
        table.rejectUnknownKeys(Self.wishKeys)
        var wish = PlacementWish()
        wish.weekdays = table.has("weekday") ? weekdayChoices(table, required: false) ?? [] : []
        if table.has("nth") { wish.nths = nthChoices(table)?.flatMap { $0 } ?? [] }
        for (raw, at) in table.array("start", allowSingle: true) ?? [] {
            if let time = TableReader.time(raw, at: at, diagnostics) { wish.starts.append(time) }
        }
        if wish.weekdays.isEmpty && wish.nths.isEmpty && wish.starts.isEmpty {
            if !diagnostics.hasErrors {
                diagnostics.error(table.path, "say what is wished: weekday, nth or start, e.g. { weekday = [\"tirsdag\"] }.")
            }
            return nil
        }
        return wish
    }
}
