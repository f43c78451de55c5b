extension ConfigReader {
    static let locationKeys = ["id", "name", "capacity", "unavailable"]
    static let unavailableKeys = ["weekday", "from", "to"]
    static let schedulingKeys = ["buffer_minutes", "spread"]

    /// `capacity` (1–1000, default 1) and `unavailable` of a role, unit or location.
    func readAvailability(_ table: TableReader) -> Availability {
        var availability = Availability()
        if table.has("capacity") {
            let capacity = table.int("capacity", default: 1, in: 1...1000, unit: "meetings at the same time")
            if capacity.valid { availability.capacity = capacity.value }
        }
        for entry in table.tables("unavailable") {
            if let item = readUnavailable(entry) { availability.unavailable.append(item) }
        }
        return availability
    }

    /// `{ weekday = "fredag" }`, `{ weekday = "mandag", from = "08:00", to = "11:00" }` or
    /// `{ from = 2026-10-05, to = 2026-10-09 }`.
    func readUnavailable(_ table: TableReader) -> Unavailability? {
        table.rejectUnknownKeys(Self.unavailableKeys)
        if table.has("weekday") {
            let day = weekday(table)
            for key in ["from", "to"] where table.has(key) {
                if let raw = table.value(key), raw.type == .date || LocalDate(iso: raw.string ?? "") != nil {
                    diagnostics.error(table.path.appending(key), "give either a weekday (with times) or dates, not both.")
                    return nil
                }
            }
            let from = table.time("from")
            let to = table.time("to")
            if (from == nil) != (to == nil) && table.has("from") != table.has("to") {
                diagnostics.error(table.path.appending(table.has("from") ? "to" : "from"), "give both from and to, or neither (the whole day).")
                return nil
            }
            if let from, let to, to <= from {
                diagnostics.error(table.path.appending("to"), "the unavailable time ends (\(to)) before it starts (\(from)).")
                return nil
            }
            return day.map { .weekly(weekday: $0, from: from, to: to) }
        }
        let from = table.date("from", required: "a weekday = \"fredag\", or the first day from = 2026-10-05")
        let to = table.date("to", required: "the last unavailable day, e.g. to = 2026-10-09")
        guard let from, let to else { return nil }
        guard from <= to else {
            diagnostics.error(table.path.appending("to"), "the unavailable days end (\(to)) before they start (\(from)).")
            return nil
        }
        return .days(DateRange(first: from, last: to))
    }

    /// `[[locations]]`: a room that is a resource.
    func readLocation(_ table: TableReader) -> Location? {
        table.rejectUnknownKeys(Self.locationKeys)
        let id = id(table, what: "location")
        let name = table.text("name", required: "the place's name, e.g. \"Melhus rådhus, møterom Gauldal\"")
        let availability = readAvailability(table)
        guard let id, let name else { return nil }
        return Location(id: id, name: name, availability: availability)
    }

    /// `[scheduling]`: `buffer_minutes` (0–1440) and `spread` (automatic placement spreads each
    /// person's meetings over the weeks of the month; on by default).
    func readScheduling(_ table: TableReader) -> SchedulingSettings {
        table.rejectUnknownKeys(Self.schedulingKeys)
        var settings = SchedulingSettings()
        let buffer = table.int("buffer_minutes", default: 0, in: 0...(24 * 60), unit: "minutes")
        if buffer.valid { settings.bufferMinutes = buffer.value }
        settings.spread = table.bool("spread") ?? true
        return settings
    }
}
