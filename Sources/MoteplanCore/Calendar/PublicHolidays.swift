/// A named day off: a public holiday (helligdag), a school holiday day or a closed day.
public struct NamedDay: Hashable, Sendable {
    /// The date.
    public let date: LocalDate
    /// The Norwegian name ("Kristi himmelfartsdag").
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
    public static func of(year: Int) -> [NamedDay] {
        let easter = Easter.sunday(year: year)
        func fixed(_ month: Int, _ day: Int, _ name: String) -> NamedDay {
            let date = LocalDate(year: year, month: month, day: day) ?? easter
            return NamedDay(date: date, name: name)
        }
        let days = [
            fixed(1, 1, "Første nyttårsdag"),
            NamedDay(date: easter.adding(days: -3), name: "Skjærtorsdag"),
            NamedDay(date: easter.adding(days: -2), name: "Langfredag"),
            NamedDay(date: easter, name: "Første påskedag"),
            NamedDay(date: easter.adding(days: 1), name: "Andre påskedag"),
            fixed(5, 1, "Offentlig høytidsdag"),
            fixed(5, 17, "Grunnlovsdag"),
            NamedDay(date: easter.adding(days: 39), name: "Kristi himmelfartsdag"),
            NamedDay(date: easter.adding(days: 49), name: "Første pinsedag"),
            NamedDay(date: easter.adding(days: 50), name: "Andre pinsedag"),
            fixed(12, 25, "Første juledag"),
            fixed(12, 26, "Andre juledag"),
        ]
        // Kristi himmelfartsdag can fall on 1 May (2008) or 17 May: one entry per date, names joined.
        var merged: [NamedDay] = []
        for day in days.sorted(by: { $0.date < $1.date }) {
            if let last = merged.last, last.date == day.date {
                merged[merged.count - 1] = NamedDay(date: day.date, name: last.name + " og " + day.name.lowercased())
            } else {
                merged.append(day)
            }
        }
        return merged
    }
}
