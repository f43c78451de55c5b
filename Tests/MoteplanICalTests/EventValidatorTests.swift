import Foundation
import MoteplanICal
import Testing

/// The piecewise check (each event's text once, plus the frame) against the whole-feed check on
/// the assembled feed: for clean and for broken events, both must find a problem or neither.
struct EventValidatorTests {
    /// One kind of damage to an event's text, with a word both checks' messages contain.
    struct Damage: CustomStringConvertible, Sendable {
        let description: String
        let keyword: String
        let apply: @Sendable (String) -> String
    }

    static let damages: [Damage] = [
        Damage(description: "garbage line", keyword: "THIS IS NOT A PROPERTY") {
            $0.replacingOccurrences(of: "SUMMARY:", with: "THIS IS NOT A PROPERTY\r\nSUMMARY:")
        },
        Damage(description: "unparsable DTSTAMP", keyword: "yesterday") {
            $0.replacingOccurrences(of: "DTSTAMP:20261020T091530Z", with: "DTSTAMP:yesterday")
        },
        Damage(description: "no UID", keyword: "UID is required") {
            $0.replacingOccurrences(of: "UID:\(Fixtures.cancelled.uid)\r\n", with: "")
        },
        Damage(description: "two SUMMARY", keyword: "SUMMARY appears 2 times") {
            $0.replacingOccurrences(of: "SUMMARY:", with: "SUMMARY:Ekstra\r\nSUMMARY:")
        },
        Damage(description: "DTEND and DURATION", keyword: "both DTEND and DURATION") {
            $0.replacingOccurrences(of: "SUMMARY:", with: "DURATION:PT1H\r\nSUMMARY:")
        },
        Damage(description: "DTEND before DTSTART", keyword: "DTEND is before DTSTART") {
            $0.replacingOccurrences(
                of: "DTEND;TZID=Europe/Oslo:20261027T110000", with: "DTEND;TZID=Europe/Oslo:20261027T080000")
        },
        Damage(description: "TZID without VTIMEZONE", keyword: "has no VTIMEZONE") {
            $0.replacingOccurrences(of: "DTSTART;TZID=Europe/Oslo", with: "DTSTART;TZID=Europe/Berlin")
        },
        Damage(description: "LF line ends", keyword: "LF instead of CRLF") {
            $0.replacingOccurrences(of: "\r\n", with: "\n")
        },
        Damage(description: "line over 75 octets", keyword: "longer than 75 octets") {
            $0.replacingOccurrences(
                of: "SUMMARY:Nettverksmøte skole", with: "SUMMARY:" + String(repeating: "x", count: 80))
        },
        Damage(description: "fold inside a character", keyword: "U+FFFD") { text in
            var bytes = Array(text.utf8)
            let summary = Array("SUMMARY:Nettverksm".utf8)
            guard let at = bytes.indices.first(where: { bytes[$0...].starts(with: summary) }) else { return text }
            bytes.insert(contentsOf: [0x0D, 0x0A, 0x20], at: at + summary.count + 1)
            return String(decoding: bytes, as: UTF8.self)
        },
    ]

    /// The feed as `moteplan ics` assembles it: the frame around the event texts.
    static func assemble(_ serializer: FeedSerializer, _ texts: [String]) -> String {
        serializer.frame.prefix + texts.joined() + serializer.frame.suffix
    }

    @Test func cleanPiecesMakeACleanFeed() throws {
        let serializer = try Fixtures.serializer()
        let events = [Fixtures.confirmed, Fixtures.cancelled, Fixtures.twoPM(month: 3, day: 28), Fixtures.twoPM(month: 10, day: 31)]
        let texts = try events.map(serializer.serializeEvent)
        #expect(serializer.frameProblems() == [])
        for text in texts { #expect(EventValidator.problems(in: text, tzid: "Europe/Oslo") == []) }
        let feed = Self.assemble(serializer, texts)
        #expect(FeedValidator.problems(in: feed) == [])
        #expect(feed == (try serializer.serialize(events)), "assembling gives the bytes serialize gives")
    }

    @Test(arguments: damages)
    func bothChecksCatchTheSameDamage(_ damage: Damage) throws {
        let serializer = try Fixtures.serializer()
        let good = try serializer.serializeEvent(Fixtures.confirmed)
        let broken = damage.apply(try serializer.serializeEvent(Fixtures.cancelled))
        #expect(broken != (try serializer.serializeEvent(Fixtures.cancelled)), "the damage applies")
        let piecewise = EventValidator.problems(in: broken, tzid: "Europe/Oslo")
        let whole = FeedValidator.problems(in: Self.assemble(serializer, [good, broken]))
        #expect(piecewise.contains { $0.contains(damage.keyword) }, "\(piecewise)")
        #expect(whole.contains { $0.contains(damage.keyword) }, "\(whole)")
        #expect(EventValidator.problems(in: good, tzid: "Europe/Oslo") == [])
    }

    @Test func aBrokenFrameIsCaughtByTheFrameCheck() throws {
        let serializer = try Fixtures.serializer()
        let frame = serializer.frame.prefix.replacingOccurrences(of: "VERSION:2.0\r\n", with: "")
        #expect(FeedValidator.problems(in: frame + serializer.frame.suffix).contains { $0.contains("VERSION is required") })
        // The events' TZID must name the frame's VTIMEZONE, as the whole-feed check requires.
        let whole = serializer.frame.prefix + serializer.frame.suffix
        #expect(FeedValidator.problems(in: whole, requiredZone: "Europe/Oslo") == [])
        let renamed = whole.replacingOccurrences(of: "TZID:Europe/Oslo", with: "TZID:Europe/Berlin")
        #expect(FeedValidator.problems(in: renamed, requiredZone: "Europe/Oslo").contains { $0.contains("no VTIMEZONE with TZID 'Europe/Oslo'") })
        #expect(serializer.frameProblems() == [])
    }

    /// Parsing back on several threads at once (as `moteplan ics` does) finds exactly what one
    /// thread finds, for clean and damaged events: libical's parser, its X-LIC-ERROR properties
    /// and its errno are per call or per thread in Debian's build (see FeedRenderer).
    @Test func concurrentChecksGiveTheSequentialAnswers() async throws {
        let serializer = try Fixtures.serializer()
        let clean = try serializer.serializeEvent(Fixtures.cancelled)
        let texts = [clean] + Self.damages.map { $0.apply(clean) }
        let expected = texts.map { EventValidator.problems(in: $0, tzid: "Europe/Oslo") }
        #expect(expected.filter(\.isEmpty).count == 1)
        let rounds = try await withThrowingTaskGroup(of: [[String]].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var seen: [[String]] = []
                    for _ in 0..<50 { seen = texts.map { EventValidator.problems(in: $0, tzid: "Europe/Oslo") } }
                    return seen
                }
            }
            return try await group.reduce(into: [[[String]]]()) { $0.append($1) }
        }
        #expect(rounds.count == 8)
        #expect(rounds.allSatisfy { $0 == expected })
    }

    @Test func textThatIsNotOneEventIsRejected() throws {
        let serializer = try Fixtures.serializer()
        let text = try serializer.serializeEvent(Fixtures.confirmed)
        #expect(!EventValidator.problems(in: text + text, tzid: "Europe/Oslo").isEmpty, "two events")
        #expect(!EventValidator.problems(in: serializer.frame.prefix + text + serializer.frame.suffix, tzid: "Europe/Oslo").isEmpty)
        #expect(EventValidator.problems(in: "", tzid: "Europe/Oslo") == ["the event text is empty"])
    }
}
