import Foundation
import MoteplanICal
import Testing

/// Parse-back: our output is clean, and broken texts are caught with a readable reason.
struct FeedValidatorTests {
    static func feed() throws -> String {
        try Fixtures.serializer().serialize([
            Fixtures.confirmed, Fixtures.cancelled, Fixtures.twoPM(month: 3, day: 29),
        ])
    }

    @Test func serializerOutputHasNoProblems() throws {
        #expect(FeedValidator.problems(in: try Self.feed()) == [])
    }

    @Test func readsBackWhatWasWritten() throws {
        let events = try FeedReader.events(in: try Self.feed())
        #expect(events.count == 3)
        let cancelled = try #require(events.first { $0.uid == Fixtures.cancelled.uid })
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.sequence == 2)
        #expect(cancelled.summary == "Nettverksmøte skole")
        #expect(cancelled.start == Fixtures.cancelled.start)
        #expect(cancelled.timeZoneID == "Europe/Oslo")
    }

    @Test func garbageLineIsReported() throws {
        let broken = try Self.feed().replacingOccurrences(
            of: "STATUS:CANCELLED\r\n", with: "STATUS:CANCELLED\r\nTHIS IS NOT A PROPERTY\r\n")
        let problems = FeedValidator.problems(in: broken)
        #expect(problems.contains { $0.contains(Fixtures.cancelled.uid) && $0.contains("THIS IS NOT A PROPERTY") })
    }

    @Test func unparsableValueIsReported() throws {
        let broken = try Self.feed().replacingOccurrences(
            of: "DTSTAMP:20261020T091530Z", with: "DTSTAMP:yesterday")
        let problems = FeedValidator.problems(in: broken)
        #expect(problems.contains { $0.contains("yesterday") })
        #expect(problems.contains { $0.contains("DTSTAMP is required but missing") })
    }

    @Test func missingUIDIsReported() throws {
        let broken = try Self.feed().replacingOccurrences(
            of: "UID:\(Fixtures.confirmed.uid)\r\n", with: "")
        #expect(FeedValidator.problems(in: broken).contains { $0.contains("UID is required but missing") })
    }

    @Test func endBeforeStartIsReported() throws {
        let broken = try Self.feed().replacingOccurrences(
            of: "DTEND;TZID=Europe/Oslo:20260908T153000", with: "DTEND;TZID=Europe/Oslo:20260908T133000")
        #expect(FeedValidator.problems(in: broken).contains { $0.contains("DTEND is before DTSTART") })
    }

    @Test func tzidWithoutVTimezoneIsReported() throws {
        let broken = try Self.feed().replacingOccurrences(of: "TZID:Europe/Oslo", with: "TZID:Europe/Berlin")
        #expect(
            FeedValidator.problems(in: broken).contains { $0.contains("TZID 'Europe/Oslo' has no VTIMEZONE") })
    }

    @Test func untilInVTimezoneIsReported() throws {
        let broken = try Self.feed().replacingOccurrences(
            of: "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
            with: "RRULE:FREQ=YEARLY;UNTIL=20361026T010000Z;BYDAY=-1SU;BYMONTH=10")
        #expect(FeedValidator.problems(in: broken).contains { $0.contains("UNTIL") })
    }

    @Test func lineFormatProblemsAreReported() throws {
        let feed = try Self.feed()
        let lf = FeedValidator.problems(in: feed.replacingOccurrences(of: "\r\n", with: "\n"))
        #expect(lf.contains { $0.hasPrefix("line 1 ends with LF instead of CRLF") })

        let long = feed.replacingOccurrences(
            of: "SUMMARY:Nettverksmøte skole",
            with: "SUMMARY:" + String(repeating: "x", count: 80))
        #expect(FeedValidator.problems(in: long).contains { $0.contains("longer than 75 octets") })

        // Fold in the middle of "ø" (C3 B8); reading the bytes as a String repairs both halves to U+FFFD.
        var bytes = Array(feed.utf8)
        let summary = Array("SUMMARY:Nettverksm".utf8)
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: summary) }) + summary.count + 1
        bytes.insert(contentsOf: [0x0D, 0x0A, 0x20], at: at)
        let split = FeedValidator.problems(in: String(decoding: bytes, as: UTF8.self))
        #expect(split.contains { $0.contains("U+FFFD") })
    }

    @Test func nonCalendarTextIsReported() {
        #expect(!FeedValidator.problems(in: "hello\r\n").isEmpty)
        #expect(FeedValidator.problems(in: "") == ["the text is empty"])
    }
}
