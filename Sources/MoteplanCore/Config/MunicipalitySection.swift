extension ConfigReader {
    static let municipalityKeys = ["name", "language", "time_zone", "uid_domain", "revision", "school_years", "from", "to"]

    func readMunicipality(_ table: TableReader) -> Municipality? {
        table.rejectUnknownKeys(Self.municipalityKeys)
        let name = table.text("name", required: "the municipality's name, e.g. \"Melhus kommune\"")
        let zone = table.text("time_zone") ?? "Europe/Oslo"
        switch zoneStatus(zone) {
        case .known: break
        case .unknown:
            diagnostics.error(
                table.path.appending("time_zone"),
                "unknown time zone \"\(zone)\"; use an IANA name such as \"Europe/Oslo\".")
        case .noTimeZoneData:
            diagnostics.error(
                table.path.appending("time_zone"),
                "no time zone data on this system, so \"\(zone)\" cannot be used; install it (apt-get install tzdata).")
        }
        let domain = table.text("uid_domain", required: "the domain in meeting UIDs, e.g. \"moteplan.melhus.no\"")
        if let domain, domain.contains(where: { $0 == " " || $0 == "@" }) {
            diagnostics.error(table.path.appending("uid_domain"), "\"\(domain)\" is not a domain name.")
        }
        let revision = table.date("revision", required: "the plan's revision date, e.g. 2026-08-01 (used as DTSTAMP)")
        let horizon = readHorizon(table)
        let catalogue = readLanguage(table)
        guard let name, let domain, let revision, let horizon, let catalogue else { return nil }
        return Municipality(
            name: name, timeZone: zone, uidDomain: domain, revision: revision, horizon: horizon, catalogue: catalogue)
    }

    /// `language`: the written language of every text people read; bokmål when not given.
    func readLanguage(_ table: TableReader) -> Catalogue? {
        guard let code = table.text("language") else { return table.has("language") ? nil : .bokmal }
        guard let catalogue = Catalogue.named(code) else {
            let codes = Catalogue.codes.map { "\"\($0)\"" }.joined(separator: " or ")
            diagnostics.error(
                table.path.appending("language"),
                "unknown language \"\(code)\"; use \(codes) (bokmål or nynorsk).")
            return nil
        }
        return catalogue
    }

    func readHorizon(_ table: TableReader) -> DateRange? {
        if let years = table.strings("school_years") {
            if table.has("from") || table.has("to") {
                diagnostics.error(table.path.appending("from"), "give either school_years or from/to, not both.")
            }
            let starts = years.compactMap { schoolYear($0.0, at: $0.1) }
            guard starts.count == years.count else { return nil }
            guard let first = starts.min(), let last = starts.max() else {
                diagnostics.error(table.path.appending("school_years"), "list at least one school year, e.g. [\"2026/27\"].")
                return nil
            }
            if last - first + 1 != Set(starts).count {
                diagnostics.error(table.path.appending("school_years"), "school years must follow each other without gaps.")
            }
            return DateRange(first: SchoolYear.span(startYear: first).first, last: SchoolYear.span(startYear: last).last)
        }
        let from = table.date("from", required: "the horizon: school_years = [\"2026/27\"] or from/to dates")
        let to = from == nil ? nil : table.date("to", required: "the last day of the horizon")
        guard let from, let to else { return nil }
        guard from <= to else {
            diagnostics.error(table.path.appending("to"), "the horizon ends (\(to)) before it starts (\(from)).")
            return nil
        }
        if from.days(to: to) > 366 * 30 {
            diagnostics.error(table.path.appending("to"), "the horizon is longer than 30 years; plan a shorter period.")
            return nil
        }
        return DateRange(first: from, last: to)
    }

    /// Parses "2026/27" to 2026; reports anything else.
    func schoolYear(_ text: String, at path: ConfigPath) -> Int? {
        if let start = SchoolYear.parse(label: text) {
            guard LocalDate.planningYears.contains(start), LocalDate.planningYears.contains(start + 1) else {
                diagnostics.error(path, "\"\(text)\" is outside the years moteplan plans (\(LocalDate.planningYears.lowerBound)–\(LocalDate.planningYears.upperBound)); check the year.")
                return nil
            }
            return start
        }
        diagnostics.error(path, "\"\(text)\" is not a school year; write it as \"2026/27\".")
        return nil
    }

    static let feedKeys = ["refresh_hours"]

    func readFeeds(_ table: TableReader) -> FeedSettings {
        table.rejectUnknownKeys(Self.feedKeys)
        var settings = FeedSettings()
        let hours = table.int("refresh_hours", default: settings.refreshHours, in: 1...(24 * 7), unit: "hours")
        if hours.valid { settings.refreshHours = hours.value }
        return settings
    }
}
