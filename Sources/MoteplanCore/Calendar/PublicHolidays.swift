/// A named day off: a public holiday (helligdag), a school holiday day or a closed day.
public struct NamedDay: Hashable, Sendable {
    /// The date.
    public let date: LocalDate
    /// The name in the plan's language ("Kristi himmelfartsdag").
    public let name: String

    /// Creates a named day.
    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// Norway's public holidays (lov om helligdager og helligdagsfred § 2, and 1 and 17 May),
/// computed for any year and never typed in.
public enum PublicHolidays {
    /// The twelve public holidays of `year`, in date order.
    public static func of(year: Int, in catalogue: Catalogue = .bokmal) -> [NamedDay] {
        let easter = Easter.sunday(year: year)
        func fixed(_ month: Int, _ day: Int, _ key: String) -> NamedDay {
            let date = LocalDate(year: year, month: month, day: day) ?? easter
            return NamedDay(date: date, name: catalogue(Phrase("holiday." + key)))
        }
        func easterDay(_ offset: Int, _ key: String) -> NamedDay {
            NamedDay(date: easter.adding(days: offset), name: catalogue(Phrase("holiday." + key)))
        }
        let days = [
            fixed(1, 1, "new_year"),
            easterDay(-3, "maundy_thursday"),
            easterDay(-2, "good_friday"),
            easterDay(0, "easter_sunday"),
            easterDay(1, "easter_monday"),
            fixed(5, 1, "labour_day"),
            fixed(5, 17, "constitution_day"),
            easterDay(39, "ascension_day"),
            easterDay(49, "whit_sunday"),
            easterDay(50, "whit_monday"),
            fixed(12, 25, "christmas_day"),
            fixed(12, 26, "boxing_day"),
        ]
        // Kristi himmelfartsdag can fall on 1 May (2008) or 17 May: one entry per date, names joined.
        var merged: [NamedDay] = []
        for day in days.sorted(by: { $0.date < $1.date }) {
            if let last = merged.last, last.date == day.date {
                merged[merged.count - 1] = NamedDay(date: day.date, name: catalogue.list([last.name, day.name.lowercased()]))
            } else {
                merged.append(day)
            }
        }
        return merged
    }
}
