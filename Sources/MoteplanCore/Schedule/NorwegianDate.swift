/// Dates written the Norwegian way, for text people read.
public enum NorwegianDate {
    static let months = [
        "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
        "november", "desember",
    ]

    /// "6. mai 2027".
    public static func long(_ date: LocalDate) -> String {
        "\(date.day). \(months[date.month - 1]) \(date.year)"
    }

    /// "torsdag 6. mai 2027".
    public static func withWeekday(_ date: LocalDate) -> String {
        "\(date.weekday.norwegian) \(long(date))"
    }

    /// The Norwegian name of month 1–12.
    public static func monthName(_ month: Int) -> String { months[(month - 1) % 12] }
}
