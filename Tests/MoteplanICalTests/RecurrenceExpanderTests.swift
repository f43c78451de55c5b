import MoteplanICal
import Testing

/// libical's RRULE expansion, the second implementation used to check our own cadence code.
struct RecurrenceExpanderTests {
    /// Weekday of a date, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday), computed independently.
    static func weekday(_ date: ICalDateTime) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((date.month + 9) % 12) + 2) / 5 + date.day - 1
        let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
        return ((days % 7) + 7 + 3) % 7
    }

    @Test func secondWednesdayMonthlyForTwoYears() throws {
        let dates = try RecurrenceExpander.expand(
            rrule: "FREQ=MONTHLY;BYDAY=2WE",
            start: ICalDateTime(year: 2026, month: 8, day: 1, hour: 14, minute: 0),
            zoneID: "Europe/Oslo",
            until: ICalDateTime(year: 2028, month: 7, day: 31, hour: 23, minute: 59))
        #expect(dates.count == 24)
        // Checked by hand with a calendar: 2nd Wednesdays of Aug 2026, Sep 2026, Jan 2027, Feb 2028, Jul 2028.
        #expect(dates.first == ICalDateTime(year: 2026, month: 8, day: 12, hour: 14, minute: 0))
        #expect(dates.dropFirst().first == ICalDateTime(year: 2026, month: 9, day: 9, hour: 14, minute: 0))
        #expect(dates.contains(ICalDateTime(year: 2027, month: 1, day: 13, hour: 14, minute: 0)))
        #expect(dates.contains(ICalDateTime(year: 2028, month: 2, day: 9, hour: 14, minute: 0)))
        #expect(dates.last == ICalDateTime(year: 2028, month: 7, day: 12, hour: 14, minute: 0))
        for date in dates {
            #expect(Self.weekday(date) == 2, "\(date) is not a Wednesday")
            #expect((8...14).contains(date.day), "\(date) is not the second Wednesday")
            #expect(date.hour == 14 && date.minute == 0, "DST must not move the local time")
        }
        #expect(Set(dates.map { $0.year * 100 + $0.month }).count == 24, "one per month")
    }

    @Test func everyOtherTuesdayAcrossTheSpringSwitch() throws {
        let dates = try RecurrenceExpander.expand(
            rrule: "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
            start: ICalDateTime(year: 2027, month: 3, day: 16, hour: 9, minute: 30),
            zoneID: "Europe/Oslo",
            until: ICalDateTime(year: 2027, month: 4, day: 30, hour: 0, minute: 0))
        #expect(
            dates.map { [$0.month, $0.day, $0.hour, $0.minute] } == [
                [3, 16, 9, 30], [3, 30, 9, 30], [4, 13, 9, 30], [4, 27, 9, 30],
            ])
    }

    /// UNTIL in UTC is compared as an instant: 29 March 2027 14:00 in Oslo is 12:00Z, so it is included.
    @Test func utcUntilIsConvertedToLocalTime() throws {
        let dates = try RecurrenceExpander.expand(
            rrule: "FREQ=DAILY;UNTIL=20270329T120000Z",
            start: ICalDateTime(year: 2027, month: 3, day: 27, hour: 14, minute: 0),
            zoneID: "Europe/Oslo",
            until: ICalDateTime(year: 2027, month: 12, day: 31, hour: 0, minute: 0))
        #expect(dates.map(\.day) == [27, 28, 29])
    }

    @Test func badRuleAndBadZoneAreExplained() throws {
        let start = ICalDateTime(year: 2027, month: 1, day: 1, hour: 0, minute: 0)
        let rule = try #require(throws: ICalError.self) {
            try RecurrenceExpander.expand(rrule: "FREQ=SOMETIMES", start: start, zoneID: "Europe/Oslo", until: start)
        }
        #expect(rule.code == .invalidRule)
        #expect(rule.description.contains("FREQ=SOMETIMES"))
        let zone = try #require(throws: ICalError.self) {
            try RecurrenceExpander.expand(rrule: "FREQ=DAILY", start: start, zoneID: "Europe/Olso", until: start)
        }
        #expect(zone.description.contains("'Europe/Olso'"))
    }
}
