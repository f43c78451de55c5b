/// Dates written in bokmål. Kept for callers not yet given the config's catalogue.
@available(*, deprecated, message: "use the config's catalogue: catalogue.long(date)")
public enum NorwegianDate {
    /// "6. mai 2027".
    public static func long(_ date: LocalDate) -> String { Catalogue.bokmal.long(date) }

    /// "torsdag 6. mai 2027".
    public static func withWeekday(_ date: LocalDate) -> String { Catalogue.bokmal.withWeekday(date) }

    /// The bokmål name of month 1–12.
    public static func monthName(_ month: Int) -> String { Catalogue.bokmal.month(month) }
}
