import TOMLKit

extension ConfigReader {
    static let cadenceKinds = ["monthly", "weekly", "months", "weeks", "dates", "at_least"]
    static let dutyPeriods = ["half_year", "school_year"]
    static let exclusionKeys = ["exclude_months", "exclude_dates"]
    static let cadenceKeys: [String: [String]] = [
        "monthly": ["kind", "nth", "weekday"],
        "weekly": ["kind", "every", "weekday", "anchor"],
        "months": ["kind", "months", "nth", "weekday"],
        "weeks": ["kind", "weeks", "weekday"],
        "dates": ["kind", "dates"],
        "at_least": ["kind", "count", "per"],
    ]
    /// Every name of each month the config accepts: the catalogues' (bokmål first) and English.
    static let monthNames: [[String]] = {
        let english = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        return (1...12).map { month in
            var names: [String] = []
            for code in Catalogue.codes {
                if let name = Catalogue.named(code)?.month(month), !names.contains(name) { names.append(name) }
            }
            if !names.contains(english[month - 1]) { names.append(english[month - 1]) }
            return names
        }
    }()

    /// A cadence; `choice` puts in the weekday and weeks of one automatic placement choice, whose
    /// lists `readCadenceChoices` has read (everything else is read and checked here).
    func readCadence(_ table: TableReader, choice: (weekday: Weekday, nths: [NthWeekday])? = nil) -> Cadence? {
        func weekday(_ table: TableReader) -> Weekday? { choice?.weekday ?? self.weekday(table) }
        func readNths(_ table: TableReader) -> [NthWeekday]? { choice.map { $0.nths } ?? self.readNths(table) }
        guard let kind = table.string("kind", required: "one of " + Self.cadenceKinds.joined(separator: ", ")) else {
            return nil
        }
        guard let keys = Self.cadenceKeys[kind] else {
            diagnostics.error(
                table.path.appending("kind"),
                "unknown cadence \"\(kind)\"." + Suggestion.hint(for: kind, in: Self.cadenceKinds))
            return nil
        }
        table.rejectUnknownKeys(keys + Self.exclusionKeys)
        let excludedMonths = Set(table.array("exclude_months", allowSingle: true).map { $0.compactMap(month) } ?? [])
        var excludedDates = Set<LocalDate>()
        for (raw, at) in table.array("exclude_dates") ?? [] {
            if let date = TableReader.date(raw, at: at, diagnostics) { excludedDates.insert(date) }
        }
        let rule: CadenceRule?
        switch kind {
        case "monthly":
            let nths = readNths(table)
            let day = weekday(table)
            rule = nths.flatMap { n in day.map { .monthly(nths: n, weekday: $0) } }
        case "weekly":
            let every = table.int("every") ?? 1
            let day = weekday(table)
            let anchor = table.date("anchor", required: "a date in a week with a meeting, e.g. 2026-08-20")
            guard (1...52).contains(every) else {
                diagnostics.error(table.path.appending("every"), "every = \(every) is out of range; use 1 to 52 weeks.")
                return nil
            }
            rule = day.flatMap { d in anchor.map { .weekly(every: every, weekday: d, anchor: $0) } }
        case "months":
            let months = table.array("months", required: "the months, e.g. [\"september\", \"februar\"]", allowSingle: true)?
                .compactMap(month)
            let nths = readNths(table)
            let day = weekday(table)
            if let months, months.isEmpty, !diagnostics.hasErrors {
                diagnostics.error(table.path.appending("months"), "list at least one month.")
            }
            if let months, let nths, let day, !months.isEmpty {
                rule = .months(months: Array(Set(months)).sorted(), nths: nths, weekday: day)
            } else {
                rule = nil
            }
        case "weeks":
            var weeks: [Int] = []
            for (raw, at) in table.array("weeks", required: "ISO week numbers, e.g. [6, 17, 38, 46]", allowSingle: true) ?? [] {
                guard raw.type == .int, let week = raw.int, (1...53).contains(week) else {
                    diagnostics.error(at, "expected a week number from 1 to 53.")
                    continue
                }
                weeks.append(week)
            }
            let day = weekday(table)
            rule = weeks.isEmpty ? nil : day.map { .isoWeeks(weeks: Array(Set(weeks)).sorted(), weekday: $0) }
        case "at_least":
            let count = table.int("count", required: "how many meetings at least, e.g. 1")
            let per = table.string("per", required: "the period: \"half_year\" or \"school_year\"")
            if let count, count < 1 {
                diagnostics.error(table.path.appending("count"), "count = \(count): at least one meeting per period (1 or more).")
            }
            var period: MarkerPeriod?
            switch per {
            case "half_year": period = .halfYear
            case "school_year": period = .schoolYear
            case nil: period = nil
            case let word?:
                diagnostics.error(table.path.appending("per"), "unknown period \"\(word)\"." + Suggestion.hint(for: word, in: Self.dutyPeriods))
            }
            if let count, count >= 1, let period { rule = .atLeast(count: count, per: period) } else { rule = nil }
        default:
            rule = readDates(table).map { .dates($0) }
        }
        guard let rule else { return nil }
        return Cadence(rule: rule, excludedMonths: excludedMonths, excludedDates: excludedDates)
    }

    func weekday(_ table: TableReader) -> Weekday? {
        guard let word = table.string("weekday", required: "the weekday, e.g. \"onsdag\"") else { return nil }
        guard let day = Weekday(name: word) else {
            diagnostics.error(
                table.path.appending("weekday"),
                "unknown weekday \"\(word)\"." + Suggestion.hint(for: word, in: Weekday.acceptedNames))
            return nil
        }
        return day
    }

    /// `nth = [2, 4]`, `nth = 2`, `nth = -1` or `nth = "last"`/`"siste"`.
    func readNths(_ table: TableReader) -> [NthWeekday]? {
        guard let items = table.array("nth", required: "which weekday(s) of the month, e.g. [2, 4] or \"siste\"", allowSingle: true)
        else { return nil }
        var result: [NthWeekday] = []
        for (raw, at) in items {
            if raw.type == .int, let n = raw.int, (1...4).contains(n) {
                result.append(.nth(n))
            } else if raw.type == .int, raw.int == -1 {
                result.append(.last)
            } else if let word = raw.string, ["last", "siste"].contains(word.lowercased()) {
                result.append(.last)
            } else {
                diagnostics.error(at, "expected 1, 2, 3, 4, -1 or \"siste\" (a 5th weekday does not exist in every month).")
            }
        }
        guard result.count == items.count else { return nil }
        guard !result.isEmpty else {
            diagnostics.error(table.path.appending("nth"), "list at least one, e.g. [2].")
            return nil
        }
        return Array(Set(result)).sorted()
    }

    /// A month as 1–12 or a Norwegian or English name.
    func month(_ item: (TOMLValueConvertible, ConfigPath)) -> Int? {
        let (raw, at) = item
        if raw.type == .int, let n = raw.int {
            if (1...12).contains(n) { return n }
            diagnostics.error(at, "\(n) is not a month; use 1–12 or a name such as \"juli\".")
            return nil
        }
        if let word = raw.string {
            if let index = Self.monthNames.firstIndex(where: { $0.contains(word.lowercased()) }) { return index + 1 }
            diagnostics.error(at, "unknown month \"\(word)\"." + Suggestion.hint(for: word, in: Self.monthNames.map { $0[0] }))
            return nil
        }
        diagnostics.error(at, "expected a month such as 7 or \"juli\", found \(raw.type.description).")
        return nil
    }

    /// `dates = [2027-06-04, { date = 2027-06-11, slots = [...] }]`.
    func readDates(_ table: TableReader) -> [DatedOccurrence]? {
        guard let items = table.array("dates", required: "the meeting dates, e.g. [2026-11-06]") else { return nil }
        var result: [DatedOccurrence] = []
        for (raw, at) in items {
            if let sub = raw.table {
                let entry = TableReader(table: sub, path: at, diagnostics: diagnostics)
                entry.rejectUnknownKeys(["date", "slots"])
                guard let date = entry.date("date", required: "the date") else { continue }
                let slots = entry.has("slots") ? readSlotList(entry, key: "slots") : []
                result.append(DatedOccurrence(date: date, slots: slots))
            } else if let date = TableReader.date(raw, at: at, diagnostics) {
                result.append(DatedOccurrence(date: date))
            }
        }
        var seen = Set<LocalDate>()
        for (occurrence, (_, at)) in zip(result, items) where !seen.insert(occurrence.date).inserted {
            diagnostics.error(at, "\(occurrence.date) is listed twice.")
        }
        if result.isEmpty && !diagnostics.hasErrors {
            diagnostics.error(table.path.appending("dates"), "list at least one date.")
        }
        return result.sorted { $0.date < $1.date }
    }
}
