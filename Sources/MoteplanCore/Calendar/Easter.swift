/// Easter Sunday by the Gregorian computus (the anonymous Gregorian algorithm,
/// "Meeus/Jones/Butcher"), from which Norway's moving public holidays follow.
public enum Easter {
    /// Easter Sunday of `year` (Gregorian calendar, valid from 1583).
    public static func sunday(year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        // March 22 + at most 34 days: always a valid date, so derive it without optionals.
        let march22 = LocalDate(daysSinceEpoch: marchFirst(year).daysSinceEpoch + 21)
        return march22.adding(days: (month == 3 ? day : day + 31) - 22)
    }

    private static func marchFirst(_ year: Int) -> LocalDate {
        // Day 59 (60 in leap years) after 1 January is 1 March.
        let jan1 = LocalDate(year: year, month: 1, day: 1) ?? LocalDate(daysSinceEpoch: 0)
        return jan1.adding(days: LocalDate.isLeap(year) ? 60 : 59)
    }
}
