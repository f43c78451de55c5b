/// A day of the week, Monday first as in Norway and ISO 8601.
public enum Weekday: Int, CaseIterable, Sendable, Hashable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The English name, lower case ("wednesday").
    public var english: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue - 1]
    }

    /// The two-letter iCalendar code ("WE").
    public var icalCode: String { ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue - 1] }

    /// Whether this is Saturday or Sunday.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// Parses a weekday name in any of moteplan's languages or English, any case ("Onsdag",
    /// "tysdag", "wednesday").
    public init?(name: String) {
        guard let match = Self.byName[name.lowercased()] else { return nil }
        self = match
    }

    /// Every accepted name, lower case (built once: configs name a weekday in every cadence).
    private static let byName: [String: Weekday] = {
        var names: [String: Weekday] = [:]
        for day in allCases {
            names[day.english] = day
            for code in Catalogue.codes { if let name = Catalogue.named(code)?.weekday(day) { names[name] = day } }
        }
        return names
    }()

    /// Every name the config accepts, for suggestions (each once).
    public static var acceptedNames: [String] {
        var names: [String] = []
        for code in Catalogue.codes {
            guard let catalogue = Catalogue.named(code) else { continue }
            for day in allCases where !names.contains(catalogue.weekday(day)) { names.append(catalogue.weekday(day)) }
        }
        return names + allCases.map(\.english)
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
