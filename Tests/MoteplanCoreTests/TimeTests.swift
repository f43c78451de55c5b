import Foundation
import Testing
@testable import MoteplanCore

/// LocalDate arithmetic checked against Foundation's Gregorian calendar, a second implementation.
struct TimeTests {
    @Test func daysSinceEpochMatchesFoundationOverFortyYears() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let start = try #require(LocalDate(year: 1999, month: 12, day: 25))
        for offset in stride(from: 0, to: 40 * 366, by: 1) {
            let date = start.adding(days: offset)
            let foundation = try #require(calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)))
            #expect(Int(foundation.timeIntervalSince1970 / 86_400) == date.daysSinceEpoch)
            let weekday = calendar.component(.weekday, from: foundation)  // 1 = Sunday
            #expect((weekday + 5) % 7 + 1 == date.weekday.rawValue)
            #expect(LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        }
    }

    @Test func isoWeeksMatchFoundationISO8601() throws {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let start = try #require(LocalDate(year: 2019, month: 12, day: 20))
        for offset in 0..<(12 * 366) {
            let date = start.adding(days: offset)
            let foundation = try #require(calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)))
            let week = ISOWeek.week(of: date)
            #expect(week.week == calendar.component(.weekOfYear, from: foundation))
            #expect(week.year == calendar.component(.yearForWeekOfYear, from: foundation))
            if date.weekday == .monday { #expect(ISOWeek.monday(week: week.week, year: week.year) == date) }
        }
    }

    @Test func knownIsoWeeks() {
        // Checked in a printed calendar: uke 41 in 2026 is 5–11 October; 2026 has 53 weeks.
        #expect(ISOWeek.monday(week: 41, year: 2026) == LocalDate(year: 2026, month: 10, day: 5))
        #expect(ISOWeek.monday(week: 1, year: 2027) == LocalDate(year: 2027, month: 1, day: 4))
        #expect(ISOWeek.weeksIn(year: 2026) == 53)
        #expect(ISOWeek.weeksIn(year: 2027) == 52)
        #expect(ISOWeek.monday(week: 53, year: 2027) == nil)
    }

    @Test func parsingRejectsImpossibleValues() {
        #expect(LocalDate(iso: "2027-02-29") == nil)
        #expect(LocalDate(iso: "2028-02-29") != nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "26-01-01") == nil)
        #expect(LocalTime(text: "25:00") == nil)
        #expect(LocalTime(text: "12:60") == nil)
        #expect(LocalTime(text: "9") == nil)
        #expect(LocalTime(text: "09:05")?.description == "09:05")
        #expect(LocalDateTime(text: "2026-09-08T14:30")?.description == "2026-09-08T14:30")
        #expect(LocalDateTime(text: "2026-09-08")?.time == .midnight)
        #expect(LocalDateTime(text: "2026-09-08T25:00") == nil)
    }

    @Test func addingMinutesStaysOnTheSameDay() throws {
        let eleven = try #require(LocalTime(hour: 23, minute: 0))
        #expect(eleven.adding(minutes: 59) == LocalTime(hour: 23, minute: 59))
        #expect(eleven.adding(minutes: 60) == nil, "midnight is the next day")
        #expect(try #require(LocalTime(hour: 9, minute: 30)).adding(minutes: 150) == LocalTime(hour: 12, minute: 0))
        #expect(try #require(LocalTime(hour: 0, minute: 10)).adding(minutes: -11) == nil)
    }
}

