/// A day of the week, Monday first as in Norway and ISO 8601.
public enum Weekday: Int, CaseIterable, Sendable, Hashable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The Norwegian bokmål name, lower case ("onsdag").
    public var norwegian: String {
        ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"][rawValue - 1]
    }

    /// The English name, lower case ("wednesday").
    public var english: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue - 1]
    }

    /// The two-letter iCalendar code ("WE").
    public var icalCode: String { ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue - 1] }

    /// Whether this is Saturday or Sunday.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// Parses a Norwegian or English weekday name, any case ("Onsdag", "wednesday").
    public init?(name: String) {
        let lower = name.lowercased()
        guard let match = Weekday.allCases.first(where: { $0.norwegian == lower || $0.english == lower })
        else { return nil }
        self = match
    }

    /// Every name the config accepts, for suggestions.
    public static var acceptedNames: [String] {
        allCases.map(\.norwegian) + allCases.map(\.english)
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
