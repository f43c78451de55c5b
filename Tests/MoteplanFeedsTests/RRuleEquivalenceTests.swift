import Testing
import MoteplanCore
import MoteplanICal

/// For each cadence kind, our date arithmetic equals libical's RRULE iterator — an independent
/// implementation — over ten years.
struct RRuleEquivalenceTests {
    static let tenYears = DateRange(
        first: LocalDate(year: 2026, month: 1, day: 1) ?? LocalDate(daysSinceEpoch: 0),
        last: LocalDate(year: 2035, month: 12, day: 31) ?? LocalDate(daysSinceEpoch: 0))

    func libical(_ rrule: String, from start: LocalDate) throws -> [String] {
        let dtstart = ICalDateTime(year: start.year, month: start.month, day: start.day, hour: 14, minute: 0)
        let until = ICalDateTime(year: 2035, month: 12, day: 31, hour: 23, minute: 59)
        let times = try RecurrenceExpander.expand(rrule: rrule, start: dtstart, zoneID: "Europe/Oslo", until: until)
        // libical 3 skips DTSTART when it does not match the rule; RFC 5545 counts it. Compare matches only.
        return times.map { String(format: "%04d-%02d-%02d", $0.year, $0.month, $0.day) }
    }

    func ours(_ rule: CadenceRule, from start: LocalDate) -> [String] {
        CadenceExpander.dates(rule, in: DateRange(first: start, last: Self.tenYears.last)).map(\.description)
    }

    static let monthlyCases: [([NthWeekday], Weekday, String)] = [
        ([.nth(1)], .monday, "1MO"), ([.nth(2), .nth(4)], .wednesday, "2WE,4WE"), ([.nth(3)], .thursday, "3TH"),
        ([.nth(4)], .friday, "4FR"), ([.last], .tuesday, "-1TU"), ([.nth(1), .last], .sunday, "1SU,-1SU"),
    ]

    @Test(arguments: monthlyCases)
    func monthlyNthWeekday(nths: [NthWeekday], weekday: Weekday, byday: String) throws {
        let start = Self.tenYears.first
        let expected = try libical("FREQ=MONTHLY;BYDAY=\(byday)", from: start)
        #expect(expected.count >= 120)
        #expect(ours(.monthly(nths: nths, weekday: weekday), from: start) == expected)
    }

    @Test(arguments: [1, 2, 3, 6])
    func everyNWeeksFromAnchor(every: Int) throws {
        let anchor = try #require(LocalDate(year: 2026, month: 1, day: 8))  // a Thursday
        let expected = try libical("FREQ=WEEKLY;INTERVAL=\(every);BYDAY=TH", from: anchor)
        #expect(!expected.isEmpty)
        #expect(ours(.weekly(every: every, weekday: .thursday, anchor: anchor), from: anchor) == expected)
    }

    @Test func givenMonthsQuarterlyAndSemiAnnual() throws {
        let start = Self.tenYears.first
        let quarterly = try libical("FREQ=YEARLY;BYMONTH=2,4,9,11;BYDAY=3WE", from: start)
        #expect(quarterly.count == 40)
        #expect(ours(.months(months: [2, 4, 9, 11], nths: [.nth(3)], weekday: .wednesday), from: start) == quarterly)
        let semiAnnual = try libical("FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1TU", from: start)
        #expect(semiAnnual.count == 20)
        #expect(ours(.months(months: [3, 10], nths: [.last], weekday: .tuesday), from: start) == semiAnnual)
    }

    @Test func isoWeeksWithAWeekday() throws {
        // Start on a Monday that begins ISO week 1 so both count whole weeks alike.
        // Weeks 1, 52 and 53 are left out: libical 3.0.16's BYWEEKNO yields wrong dates at year
        // ends (a Tuesday 2026-12-29 for BYDAY=MO, 2031-12-29 twice), so CadenceTests checks
        // those weeks against a printed calendar instead.
        let start = try #require(LocalDate(year: 2026, month: 1, day: 5))
        for (weeks, weekday, byday) in [([6, 17, 38, 46], Weekday.wednesday, "WE"), ([2, 10, 26, 40, 51], .friday, "FR")] {
            let list = weeks.map(String.init).joined(separator: ",")
            let expected = try libical("FREQ=YEARLY;BYWEEKNO=\(list);BYDAY=\(byday)", from: start)
            #expect(!expected.isEmpty)
            #expect(ours(.isoWeeks(weeks: weeks, weekday: weekday), from: start) == expected, "weeks \(list)")
        }
    }
}
