import Foundation
import MoteplanICal
import Testing

/// The serializer's output for two events, byte for byte against a hand-checked file.
///
/// Golden/small.ics was checked by hand, line by line, against RFC 5545 (and RFC 7986 for
/// REFRESH-INTERVAL):
/// - every line ends with CRLF, the file ends with CRLF, and no line exceeds 75 octets (§3.1);
///   the long DESCRIPTION folds as CRLF + one space, between whole UTF-8 characters (æøå intact);
/// - VCALENDAR has PRODID and VERSION:2.0 (required, §3.6), CALSCALE:GREGORIAN, METHOD:PUBLISH,
///   X-WR-CALNAME (UTF-8), X-WR-TIMEZONE:Europe/Oslo, REFRESH-INTERVAL with the VALUE=DURATION
///   parameter RFC 7986 §5.7 requires and PT12H = 720 minutes, X-PUBLISHED-TTL with the same value;
/// - one VTIMEZONE, TZID:Europe/Oslo exactly (no libical prefix), before the VEVENTs; STANDARD
///   +0200→+0100 from 2025-10-26 03:00 and DAYLIGHT +0100→+0200 from 2026-03-29 02:00 (both the last
///   Sunday of the month, in local time of TZOFFSETFROM as §3.6.5 requires), RRULE without UNTIL;
/// - VEVENTs in the order given, each with UID and DTSTAMP in UTC with Z (§3.8.7.2),
///   DTSTART/DTEND as `;TZID=Europe/Oslo:YYYYMMDDTHHMMSS` (form 3 of §3.3.5), no VALARM;
/// - TEXT escaping (§3.3.11): `,` → `\,`, `;` → `\;`, newline → `\n`, `:` left alone;
///   CATEGORIES as a comma-separated list (§3.8.1.2); STATUS CONFIRMED/CANCELLED (§3.8.1.11);
///   TRANSP:TRANSPARENT (§3.8.2.7) on the cancelled event only, after its STATUS;
/// - SEQUENCE only on the revised event (value 2); ORGANIZER's CN is quoted because it holds a
///   comma (§3.2), ATTENDEE's CN `Ola Ås` needs no quotes (non-ASCII is a SAFE-CHAR), ROLE=REQ-PARTICIPANT.
struct GoldenFeedTests {
    static let goldenPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Golden/small.ics")

    @Test func smallFeedMatchesGoldenFile() throws {
        let text = try Fixtures.serializer().serialize([Fixtures.confirmed, Fixtures.cancelled])
        let golden = try String(contentsOf: Self.goldenPath, encoding: .utf8)
        let produced = Fixtures.lines(text)
        let expected = Fixtures.lines(golden)
        let differing = zip(produced, expected).enumerated().filter { $0.element.0 != $0.element.1 }
        for (index, (got, want)) in differing.prefix(5) {
            Issue.record("line \(index + 1) differs:\n  got:  \(got)\n  want: \(want)")
        }
        #expect(produced.count == expected.count)
        #expect(text.utf8.elementsEqual(golden.utf8), "not byte-identical to Golden/small.ics")
    }

    @Test func sameInputGivesSameBytes() throws {
        let events = [Fixtures.confirmed, Fixtures.cancelled]
        let first = try Fixtures.serializer().serialize(events)
        let second = try Fixtures.serializer().serialize(events)
        #expect(first.utf8.elementsEqual(second.utf8))
    }

    /// One serializer shared by several tasks gives the same bytes as a sequential run.
    @Test func concurrentSerializationIsIdentical() async throws {
        let serializer = try Fixtures.serializer()
        let events = (0..<200).map { index in
            var event = index % 2 == 0 ? Fixtures.confirmed : Fixtures.cancelled
            event.uid = "event-\(index)@moteplan.example"
            return event
        }
        let expected = try serializer.serialize(events)
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try serializer.serialize(events) } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0.utf8.elementsEqual(expected.utf8) })
    }

    @Test func eventsKeepTheGivenOrder() throws {
        let text = try Fixtures.serializer().serialize([Fixtures.cancelled, Fixtures.confirmed])
        let uids = try FeedReader.events(in: text).map(\.uid)
        #expect(uids == [Fixtures.cancelled.uid, Fixtures.confirmed.uid])
    }

    @Test func headerCarriesRefreshIntervalInBothForms() throws {
        let header = ICalFeedHeader(
            prodID: "-//Test//EN", calendarName: "Test", timeZoneID: "Europe/Oslo", refreshIntervalMinutes: 90)
        let text = try FeedSerializer(header: header, zone: Fixtures.osloZone()).serialize([])
        let lines = Fixtures.lines(text)
        #expect(lines.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H30M"))
        #expect(lines.contains("X-PUBLISHED-TTL:PT1H30M"))
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.last == "END:VCALENDAR")
        #expect(!text.contains("VALARM"))
    }

    @Test func sequenceIsWrittenOnlyWhenPositive() throws {
        let serializer = try Fixtures.serializer()
        #expect(!(try serializer.serializeEvent(Fixtures.confirmed)).contains("SEQUENCE"))
        #expect(Fixtures.lines(try serializer.serializeEvent(Fixtures.cancelled)).contains("SEQUENCE:2"))
    }
}
