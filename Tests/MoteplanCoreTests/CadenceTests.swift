import Foundation
import Testing
@testable import MoteplanCore

/// Each cadence kind against dates worked out by hand from a printed calendar, across
/// year ends and the DST switches (last Sunday of March and October).
struct CadenceTests {
    func range(_ a: String, _ b: String) throws -> DateRange {
        DateRange(first: try #require(LocalDate(iso: a)), last: try #require(LocalDate(iso: b)))
    }

    func expand(_ rule: CadenceRule, _ a: String, _ b: String) throws -> [String] {
        CadenceExpander.dates(rule, in: try range(a, b)).map(\.description)
    }

    @Test func secondAndFourthWednesdayAcrossYearEndAndMarchSwitch() throws {
        let dates = try expand(.monthly(nths: [.nth(2), .nth(4)], weekday: .wednesday), "2026-12-01", "2027-04-30")
        #expect(dates == [
            "2026-12-09", "2026-12-23", "2027-01-13", "2027-01-27", "2027-02-10", "2027-02-24",
            "2027-03-10", "2027-03-24", "2027-04-14", "2027-04-28",
        ])
    }

    @Test func lastFridayAcrossOctoberSwitchAndYearEnd() throws {
        let dates = try expand(.monthly(nths: [.last], weekday: .friday), "2026-10-01", "2027-01-31")
        #expect(dates == ["2026-10-30", "2026-11-27", "2026-12-25", "2027-01-29"])
    }

    @Test func everyTwoWeeksFromAnAnchorAcrossOctoberSwitch() throws {
        let anchor = try #require(LocalDate(iso: "2026-10-15"))
        let dates = try expand(.weekly(every: 2, weekday: .thursday, anchor: anchor), "2026-10-01", "2026-11-30")
        #expect(dates == ["2026-10-01", "2026-10-15", "2026-10-29", "2026-11-12", "2026-11-26"])
    }

    @Test func everyThreeWeeksAcrossYearEndCountsFromTheAnchorWeek() throws {
        // Anchor on a Wednesday; meetings on Mondays of the anchor's week and every 3rd week after.
        let anchor = try #require(LocalDate(iso: "2026-12-16"))
        let dates = try expand(.weekly(every: 3, weekday: .monday, anchor: anchor), "2026-12-01", "2027-02-15")
        #expect(dates == ["2026-12-14", "2027-01-04", "2027-01-25", "2027-02-15"])
    }

    @Test func quarterlyInNamedMonths() throws {
        let dates = try expand(
            .months(months: [2, 4, 9, 11], nths: [.nth(3)], weekday: .wednesday), "2026-08-01", "2027-07-31")
        #expect(dates == ["2026-09-16", "2026-11-18", "2027-02-17", "2027-04-21"])
    }

    @Test func lastSundayOfMarchAndOctoberAreTheOsloDSTSwitches() throws {
        // Second implementation: Foundation's tz database transitions for Europe/Oslo.
        let zone = try #require(TimeZone(identifier: "Europe/Oslo"))
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = try #require(TimeZone(identifier: "UTC"))
        var transitions: [String] = []
        var cursor = try #require(utc.date(from: DateComponents(year: 2026, month: 1, day: 1)))
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), utc.component(.year, from: next) <= 2030 {
            let c = utc.dateComponents([.year, .month, .day], from: next)
            transitions.append(String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0))
            cursor = next
        }
        let dates = try expand(.months(months: [3, 10], nths: [.last], weekday: .sunday), "2026-01-01", "2030-12-31")
        #expect(transitions.count == 10)
        #expect(dates == transitions)
    }

    @Test func isoWeeksWithAWeekday() throws {
        let dates = try expand(.isoWeeks(weeks: [6, 17, 38, 46], weekday: .wednesday), "2026-01-01", "2027-12-31")
        #expect(dates == [
            "2026-02-04", "2026-04-22", "2026-09-16", "2026-11-11",
            "2027-02-10", "2027-04-28", "2027-09-22", "2027-11-17",
        ])
    }

    @Test func isoWeekOneCanFallInDecemberAndWeek53Exists() throws {
        // ISO week 1 of 2026 starts Monday 29 December 2025; 2026 has a week 53, 2025 does not.
        #expect(try expand(.isoWeeks(weeks: [1, 53], weekday: .wednesday), "2025-12-01", "2026-01-31") == ["2025-12-31"])
        #expect(try expand(.isoWeeks(weeks: [1, 53], weekday: .wednesday), "2026-12-01", "2027-01-31")
            == ["2026-12-30", "2027-01-06"])
    }

    @Test func explicitDatesWithTheirOwnSlots() throws {
        let dates = try Fixtures.dates(structure: """
            cadence = { kind = "dates", dates = [2026-06-04, { date = 2026-06-11, slots = [{ start = "09:00", end = "11:00" }, { start = "12:00", end = "14:00" }] }] }
            """)
        #expect(dates == ["2026-06-04", "2026-06-11", "2026-06-11"])
        let loaded = try Fixtures.load(Fixtures.minimal(structure: """
            cadence = { kind = "dates", dates = [{ date = 2026-06-11, slots = [{ start = "12:00", end = "14:00" }, { start = "09:00", end = "11:00" }] }] }
            """))
        let meetings = Scheduler(configuration: loaded.configuration).schedule().meetings
        #expect(meetings.map { "\($0.start)-\($0.end)" } == ["09:00-11:00", "12:00-14:00"])
        #expect(meetings.map { $0.uid(domain: "d") } == ["s-20260611@d", "s-20260611-2@d"])
    }

    @Test func excludedMonthAndDates() throws {
        let dates = try Fixtures.dates(
            structure: """
                cadence = { kind = "monthly", nth = [1], weekday = "torsdag", exclude_months = ["juli"], exclude_dates = [2026-09-03] }
                """,
            horizon: "from = 2026-06-01\nto = 2026-10-31")
        #expect(dates == ["2026-06-04", "2026-08-06", "2026-10-01"])
    }

    @Test func wallClockTimesStayAcrossDST() throws {
        // 14:00 before and after both switches is 14:00 local; the feed test checks the UTC side.
        let dates = try Fixtures.dates(
            structure: #"cadence = { kind = "dates", dates = [2027-03-24, 2027-03-30, 2027-10-29, 2027-11-01] }"#)
        #expect(dates == ["2027-03-24", "2027-03-30", "2027-10-29", "2027-11-01"])
        let loaded = try Fixtures.load(Fixtures.minimal(
            structure: #"cadence = { kind = "dates", dates = [2027-03-24, 2027-03-30, 2027-10-29, 2027-11-01] }"#))
        let meetings = Scheduler(configuration: loaded.configuration).schedule().meetings
        #expect(meetings.allSatisfy { $0.start.description == "14:00" && $0.end.description == "15:00" })
    }
}
