import Foundation
import Testing

@testable import MoteplanCore
@testable import MoteplanFeeds

/// A meeting's key (`MeetingKey`) changes with every field of the meeting, and only those are in
/// it: a run takes an event as the last run left it only when its meeting is the same.
struct MeetingKeyTests {
    static func meetings() throws -> [Meeting] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = try ConfigLoader.load(path: root.appendingPathComponent("Tests/Fixtures/melhus-fixed.toml").path)
        return Scheduler(configuration: loaded.configuration).schedule().meetings
    }

    /// The stored properties of `value` (a box's `value` for the shared parts), by label.
    static func labels(_ value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    static func child(_ value: Any, _ label: String) -> Any? {
        Mirror(reflecting: value).children.first { $0.label == label }?.value
    }

    /// What `MeetingKey.of` hashes, type by type. A stored property added to any of these types
    /// fails this test until the key takes it (or says here why it need not).
    @Test func everyStoredPropertyOfAMeetingIsInTheKey() throws {
        let meeting = try #require(try Self.meetings().first { $0.leader != nil && !$0.participants.isEmpty })
        #expect(Self.labels(meeting) == ["plannedDate", "slotIndex", "date", "start", "end", "needs", "markers", "common", "leaderBox", "notes"])
        let box = try #require(Self.child(meeting, "common"))
        let common = try #require(Self.child(box, "value"))
        #expect(Self.labels(common) == ["instance", "title", "location", "locationID", "participants"])
        #expect(Self.labels(meeting.instance) == ["structureID", "instanceID", "name", "unitID", "groupID"])
        #expect(Self.labels(try #require(meeting.participants.first)) == ["name", "email"])
        #expect(Self.labels(MeetingMarker(id: "m", text: "t", guests: [])) == ["id", "text", "guests", "guestIDs"])
        // A role's availability and wishes come from the config alone (the key's context).
        #expect(Self.labels(try #require(meeting.leader)) == ["id", "name", "person", "email", "availability", "wishes"])
        var noted = meeting
        noted.cancelled = "x"
        let optionalNotes = try #require(Self.child(noted, "notes"))
        let notes = try #require(Self.child(optionalNotes, "some"))
        let noteValues = try #require(Self.child(notes, "value"))
        #expect(Self.labels(noteValues) == ["movedBecause", "handover", "cancelled", "movedByHand", "addedUID"])
    }

    @Test func everyFieldChangesTheKey() throws {
        let meetings = try Self.meetings()
        let meeting = try #require(meetings.first { $0.leader != nil && !$0.participants.isEmpty })
        let context = MeetingKey.context("inputs")
        let key = MeetingKey.of(meeting, context: context)
        let day = try #require(LocalDate(year: 2030, month: 1, day: 2))
        let early = try #require(LocalTime(hour: 7, minute: 1))
        let late = try #require(LocalTime(hour: 23, minute: 59))
        #expect(MeetingKey.of(meeting, context: context) == key)
        #expect(MeetingKey.of(meeting, context: MeetingKey.context("other inputs")) != key)
        let changes: [(String, (inout Meeting) -> Void)] = [
            ("structure", { $0.instance.structureID += "x" }), ("instance", { $0.instance.instanceID += "x" }),
            ("instance name", { $0.instance.name += "x" }), ("unit", { $0.instance.unitID = "u" }),
            ("group", { $0.instance.groupID = "g" }),
            ("planned date", { $0.plannedDate = day }), ("slot", { $0.slotIndex += 1 }), ("date", { $0.date = day }),
            ("start", { $0.start = early }), ("end", { $0.end = late }),
            ("title", { $0.title += "x" }), ("location", { $0.location = ($0.location ?? "") + "x" }),
            ("location id", { $0.locationID = "rom" }), ("needs", { $0.needs.append("x") }),
            ("leader", { $0.leader?.id += "x" }), ("leader name", { $0.leader?.name += "x" }),
            ("leader person", { $0.leader?.person = "Kari" }), ("leader address", { $0.leader?.email = "k@example.no" }),
            ("no leader", { $0.leader = nil }),
            ("participant", { $0.participants[0].name += "x" }), ("participant address", { $0.participants[0].email = "p@example.no" }),
            ("fewer participants", { $0.participants.removeLast() }),
            ("marker", { $0.markers.append(MeetingMarker(id: "slt", text: "SLT på agendaen", guests: [])) }),
            ("moved because", { $0.movedBecause = "Påskeferie" }), ("handover", { $0.handover = "overtar" }),
            ("cancelled", { $0.cancelled = "" }), ("moved by hand", { $0.movedByHand = "" }),
            ("added", { $0.addedUID = "x@example.no" }),
        ]
        for (name, change) in changes {
            var changed = meeting
            change(&changed)
            #expect(changed != meeting, "\(name)")
            #expect(MeetingKey.of(changed, context: context) != key, "\(name)")
        }
        // Markers: their text, guests and guest ids too.
        var marked = meeting
        marked.markers = [MeetingMarker(id: "slt", text: "SLT", guests: [], guestIDs: [])]
        let markedKey = MeetingKey.of(marked, context: context)
        for change in [{ (m: inout MeetingMarker) in m.text += "x" }, { $0.guests = [Role(id: "r", name: "R")] }, { $0.guestIDs = ["r"] }] {
            var again = marked
            change(&again.markers[0])
            #expect(MeetingKey.of(again, context: context) != markedKey)
        }
        // Absent and empty are told apart.
        var empty = meeting
        empty.location = ""
        var absent = meeting
        absent.location = nil
        #expect(MeetingKey.of(empty, context: context) != MeetingKey.of(absent, context: context))
    }

    /// The schedule's keys, worked out once per shared part, are each meeting's own key, also
    /// for a meeting whose shared part was changed (it has a part of its own then).
    @Test func aSchedulesKeysAreItsMeetingsKeys() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = try ConfigLoader.load(path: root.appendingPathComponent("Tests/Fixtures/melhus-fixed.toml").path)
        var schedule = Scheduler(configuration: loaded.configuration).schedule()
        schedule.meetings[3].participants.append(Participant(name: "Gjest", email: nil))
        schedule.meetings[4].title += " (endret)"
        let context = MeetingKey.context("inputs")
        let keys = FeedRenderer.meetingKeys(schedule, context: context)
        #expect(keys == schedule.meetings.map { MeetingKey.of($0, context: context) })
    }

    @Test func theMeetingsOfAScheduleHaveDifferentKeys() throws {
        let meetings = try Self.meetings()
        let keys = Set(meetings.map { MeetingKey.of($0, context: MeetingKey.context("inputs")) })
        #expect(keys.count == meetings.count)
    }
}

/// The known keys' blob: read back as written, refused when it is not whole pairs in order.
struct KnownEventKeysTests {
    @Test func theBlobReadsBackAndLooksUpEveryPair() throws {
        let meetingKeys: [UInt64] = (0..<1000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        let feedKeys = meetingKeys.map { $0 ^ 0xFFFF }
        let keys = KnownEventKeys(meetingKeys: meetingKeys, feedKeys: feedKeys)
        #expect(keys.count == 1000 && keys.data.count == 16_000)
        let read = try #require(KnownEventKeys(data: keys.data))
        #expect(read == keys)
        for (key, digest) in zip(meetingKeys, feedKeys) { #expect(read.feedKey(forMeeting: key) == digest) }
        #expect(read.feedKey(forMeeting: 12_345) == nil)
        #expect(KnownEventKeys().feedKey(forMeeting: 0) == nil)
        #expect(KnownEventKeys(data: keys.data.dropLast()) == nil)
        // Little-endian pairs: the first pair is the smallest meeting key and its digest.
        let smallest = try #require(meetingKeys.min())
        let first = Array(keys.data.prefix(16))
        let key: [UInt8] = (0..<8).map { UInt8(truncatingIfNeeded: smallest >> (8 * UInt64($0))) }
        let digest: [UInt8] = (0..<8).map { UInt8(truncatingIfNeeded: (smallest ^ 0xFFFF) >> (8 * UInt64($0))) }
        #expect(first == key + digest)
        // Pairs out of order are not what a run writes.
        let bytes = keys.data
        let swapped = bytes.subdata(in: 16..<32) + bytes.subdata(in: 0..<16) + bytes.subdata(in: 32..<bytes.count)
        #expect(KnownEventKeys(data: swapped) == nil)
    }
}
