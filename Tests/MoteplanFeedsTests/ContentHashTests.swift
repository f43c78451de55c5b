import Foundation
import MoteplanCore
import MoteplanFeeds
import MoteplanICal
import Testing

/// ContentHash feeds the fields to FNV-1a piece by piece; stored revisions were made from the
/// joined text, so the two must agree on every event (else every SEQUENCE would jump once).
struct ContentHashTests {
    /// The form the hash was first defined by: fields joined with U+001E, sub-fields with U+001F.
    static func joined(_ event: ICalEvent) -> String {
        var fields: [String] = [
            event.uid, event.start.description, event.end.description, event.summary, event.description,
            event.location ?? "", event.categories.joined(separator: "\u{1F}"), event.status.rawValue,
            event.organizer.map { "\($0.name)\u{1F}\($0.email)" } ?? "",
        ]
        fields += event.attendees.map { "\($0.name)\u{1F}\($0.email)" }
        return StableHash.hex(fields.joined(separator: "\u{1E}"))
    }

    @Test func piecewiseEqualsJoinedForEveryMelhusEvent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let configuration = try ConfigLoader.load(path: root.appendingPathComponent("Tests/Fixtures/melhus-fixed.toml").path).configuration
        let builder = EventBuilder(configuration: configuration)
        let events = Scheduler(configuration: configuration).schedule().meetings.map(builder.event(for:))
        #expect(events.count > 400)
        #expect(events.contains { $0.organizer != nil } && events.contains { !$0.attendees.isEmpty })
        for event in events { #expect(ContentHash.of(event) == Self.joined(event), "\(event.uid)") }
    }

    @Test func piecewiseEqualsJoinedAtTheEdges() {
        let stamp = ICalUTCStamp(year: 2026, month: 8, day: 1, hour: 0, minute: 0)
        let time = ICalDateTime(year: 2026, month: 9, day: 1, hour: 9, minute: 0)
        var event = ICalEvent(uid: "u@x", dtstamp: stamp, start: time, end: time, summary: "")
        #expect(ContentHash.of(event) == Self.joined(event))
        event.categories = ["A", "B", "Æ"]
        event.location = "Rom 1"
        event.organizer = ICalPerson(name: "", email: "o@x")
        event.attendees = [ICalPerson(name: "P", email: "p@x"), ICalPerson(name: "Q", email: "q@x")]
        event.status = .cancelled
        #expect(ContentHash.of(event) == Self.joined(event))
        // FNV-1a 64 of "u@x", computed independently in python (h ^= b; h *= 0x100000001b3 mod 2^64).
        #expect(StableHash.hex("u@x") == "4ceb93193e4ec1b8")
    }
}
