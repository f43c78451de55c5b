import Foundation
import MoteplanICal
import Testing

/// Local times stay put across DST switches, and the emitted VTIMEZONE (not libical's built-in one)
/// gives the right UTC instants when the feed is parsed back.
struct DSTTests {
    /// 2027: summer time starts Sunday 28 March and ends Sunday 31 October in Europe/Oslo.
    static let days = [(3, 27), (3, 29), (10, 30), (11, 1)]

    static func feed() throws -> String {
        try Fixtures.serializer().serialize(days.map { Fixtures.twoPM(month: $0.0, day: $0.1) })
    }

    @Test func fourteenHundredStaysLocalAroundBothSwitches() throws {
        let lines = Fixtures.lines(try Self.feed())
        for (month, day) in Self.days {
            let date = "2027" + (month < 10 ? "0" : "") + "\(month)" + (day < 10 ? "0" : "") + "\(day)"
            #expect(lines.contains(Substring("DTSTART;TZID=Europe/Oslo:\(date)T140000")))
            #expect(lines.contains(Substring("DTEND;TZID=Europe/Oslo:\(date)T150000")))
        }
    }

    @Test func libicalConvertsWithTheEmittedVTimezone() throws {
        let events = try FeedReader.events(in: try Self.feed())
        #expect(events.map(\.start.hour) == [14, 14, 14, 14])
        #expect(events.compactMap(\.startUTC?.hour) == [13, 12, 12, 13])
        #expect(events.compactMap(\.startUTC?.day) == [27, 29, 30, 1])
    }

    /// Negative control: change the offsets in the feed's VTIMEZONE and the UTC times follow,
    /// so the conversion above really used the emitted VTIMEZONE.
    @Test func conversionFollowsTheFeedsOwnVTimezone() throws {
        let altered = try Self.feed()
            .replacingOccurrences(of: "TZOFFSETTO:+0200", with: "TZOFFSETTO:+0300")
            .replacingOccurrences(of: "TZOFFSETFROM:+0200", with: "TZOFFSETFROM:+0300")
        let events = try FeedReader.events(in: altered)
        #expect(events.compactMap(\.startUTC?.hour) == [13, 11, 11, 13])
    }

    @Test func noFallbackToBuiltinZoneWithoutVTimezone() throws {
        let feed = try Self.feed()
        let start = try #require(feed.range(of: "BEGIN:VTIMEZONE\r\n"))
        let end = try #require(feed.range(of: "END:VTIMEZONE\r\n"))
        let withoutZone = String(feed[..<start.lowerBound] + feed[end.upperBound...])
        #expect(throws: ICalError.self) { try FeedReader.events(in: withoutZone) }
    }

    /// Every day of the horizon at 14:00, converted by libical from the emitted VTIMEZONE, against
    /// Foundation's independent time zone code.
    @Test(arguments: [
        ("Europe/Oslo", 2026, 2027), ("Europe/Oslo", 2026, 2040), ("America/New_York", 2026, 2027),
        ("Asia/Tokyo", 2026, 2027), ("UTC", 2026, 2027), ("Australia/Lord_Howe", 2026, 2027),
        ("America/Sao_Paulo", 2018, 2020),
        // Not pre-1970 Oslo: Debian's tzdata keeps Oslo's own history (backzone), Foundation's ICU
        // data links Oslo to Berlin (double summer time in 1945), so the two disagree by design.
    ])
    func everyDayAgreesWithFoundation(zoneID: String, fromYear: Int, toYear: Int) throws {
        let zone = try ICalZone(identifier: zoneID, fromYear: fromYear, toYear: toYear)
        let header = ICalFeedHeader(
            prodID: "-//Test//EN", calendarName: "Test", timeZoneID: zoneID, refreshIntervalMinutes: 60)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zoneID))
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = try #require(TimeZone(identifier: "UTC"))

        var events: [ICalEvent] = []
        var expected: [ICalUTCStamp] = []
        var date = (year: fromYear, month: 1, day: 1)
        while date.year <= toYear {
            let instant = try #require(
                calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 14)))
            let start = ICalDateTime(year: date.year, month: date.month, day: date.day, hour: 14, minute: 0)
            events.append(
                ICalEvent(uid: "d\(events.count)", dtstamp: Fixtures.stamp, start: start, end: start, summary: "x"))
            let u = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
            expected.append(
                ICalUTCStamp(
                    year: u.year ?? 0, month: u.month ?? 0, day: u.day ?? 0,
                    hour: u.hour ?? 0, minute: u.minute ?? 0, second: u.second ?? 0))
            let next = try #require(calendar.date(byAdding: .day, value: 1, to: instant))
            let parts = calendar.dateComponents([.year, .month, .day], from: next)
            date = (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        }
        let text = try FeedSerializer(header: header, zone: zone).serialize(events)
        #expect(FeedValidator.problems(in: text) == [])
        let got = try FeedReader.events(in: text).map(\.startUTC)
        #expect(got.count == expected.count)
        for (index, (have, want)) in zip(got, expected).enumerated() where have != want {
            Issue.record("\(zoneID) \(events[index].start): libical says \(String(describing: have)), Foundation \(want)")
            break
        }
    }
}
