import Testing
@testable import MoteplanCore

struct HolidayTests {
    /// Western Easter Sundays as printed in published tables (Wikipedia's "List of dates for
    /// Easter", which reproduces the Astronomical Society of South Australia's tables, and the
    /// Norwegian almanac), typed in from the table, not produced by this code.
    static let almanac: [(Int, Int, Int)] = [
        (1961, 4, 2), (1981, 4, 19), (1999, 4, 4), (2000, 4, 23), (2001, 4, 15), (2002, 3, 31), (2003, 4, 20),
        (2004, 4, 11), (2005, 3, 27), (2006, 4, 16), (2007, 4, 8), (2008, 3, 23), (2009, 4, 12), (2010, 4, 4),
        (2011, 4, 24), (2012, 4, 8), (2013, 3, 31), (2014, 4, 20), (2015, 4, 5), (2016, 3, 27), (2017, 4, 16),
        (2018, 4, 1), (2019, 4, 21), (2020, 4, 12), (2021, 4, 4), (2022, 4, 17), (2023, 4, 9), (2024, 3, 31),
        (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2028, 4, 16), (2029, 4, 1), (2030, 4, 21),
        (2038, 4, 25), (2285, 3, 22),
    ]

    @Test(arguments: almanac)
    func easterMatchesAlmanac(year: Int, month: Int, day: Int) {
        #expect(Easter.sunday(year: year) == LocalDate(year: year, month: month, day: day))
    }

    @Test func easterIsAlwaysASundayBetween22MarchAnd25April() throws {
        for year in 1583...4099 {
            let easter = Easter.sunday(year: year)
            #expect(easter.weekday == .sunday)
            let earliest = try #require(LocalDate(year: year, month: 3, day: 22))
            let latest = try #require(LocalDate(year: year, month: 4, day: 25))
            #expect(earliest <= easter && easter <= latest)
        }
    }

    @Test func norwegianPublicHolidays2027() {
        // Worked out by hand from Easter 2027 = 28 March (Ascension +39, Whit Sunday +49).
        let expected = [
            ("2027-01-01", "Første nyttårsdag"), ("2027-03-25", "Skjærtorsdag"), ("2027-03-26", "Langfredag"),
            ("2027-03-28", "Første påskedag"), ("2027-03-29", "Andre påskedag"), ("2027-05-01", "Offentlig høytidsdag"),
            ("2027-05-06", "Kristi himmelfartsdag"), ("2027-05-16", "Første pinsedag"),
            ("2027-05-17", "Grunnlovsdag og andre pinsedag"), ("2027-12-25", "Første juledag"),
            ("2027-12-26", "Andre juledag"),
        ]
        let days = PublicHolidays.of(year: 2027)
        #expect(days.map { $0.date.description } == expected.map(\.0))
        #expect(days.map(\.name) == expected.map(\.1))
    }

    @Test func twelveHolidaysInAnOrdinaryYear() {
        // 2026: Easter 5 April; nothing coincides.
        #expect(PublicHolidays.of(year: 2026).count == 12)
        #expect(PublicHolidays.of(year: 2026).map { $0.date.description }.contains("2026-05-14"))  // Kristi himmelfart
    }

    @Test func schoolHolidaysAndSummerFromMelhus() throws {
        let config = try Fixtures.load(Fixtures.melhusText).configuration
        let days = HolidayListing.days(years: 2026...2027, kind: .school, calendar: config.calendar)
        let byDate = Dictionary(uniqueKeysWithValues: days.map { ($0.date.description, $0.name) })
        #expect(byDate["2026-10-05"] == "Høstferie")  // uke 41 2026: 5–11 October
        #expect(byDate["2026-10-11"] == "Høstferie")
        #expect(byDate["2026-10-12"] == nil)
        #expect(byDate["2027-02-22"] == "Vinterferie")  // uke 8 2027: 22–28 February
        #expect(byDate["2026-08-18"] == "Sommerferie")  // the day before the first school day
        #expect(byDate["2026-08-19"] == nil)
        #expect(byDate["2027-06-19"] == "Sommerferie")
        #expect(byDate["2027-01-04"] == "Planleggingsdag skole")
        #expect(byDate["2027-05-06"] == nil)  // a public holiday, not a school holiday
    }
}
