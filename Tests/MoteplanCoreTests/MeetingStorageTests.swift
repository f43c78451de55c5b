import Testing

@testable import MoteplanCore

/// A meeting shares what its instance's meetings have in common (one object per instance, one
/// per leader) and is still a value: changing one meeting changes no other.
struct MeetingStorageTests {
    static func schedule() throws -> Schedule {
        Scheduler(configuration: try Fixtures.load(Fixtures.melhusText).configuration).schedule()
    }

    @Test func changingACopyChangesNoOtherMeeting() throws {
        let meetings = try Self.schedule().meetings
        let instance = try #require(meetings.first?.instance)
        let same = meetings.filter { $0.instance == instance }
        #expect(same.count > 2)
        let original = same[0]
        var changed = original
        #expect(changed == original)
        changed.title = "Endret tittel"
        changed.location = "Rådhuset"
        changed.locationID = "radhuset"
        changed.participants = [Participant(name: "Ny deltaker", email: nil)]
        changed.instance.name = "Nytt navn"
        changed.leader = Role(id: "ny", name: "Ny leder")
        changed.cancelled = "sykdom"
        changed.handover = "overtar"
        #expect(changed != original)
        #expect(changed.title == "Endret tittel" && changed.location == "Rådhuset" && changed.locationID == "radhuset")
        #expect(changed.participants.map(\.name) == ["Ny deltaker"] && changed.instance.name == "Nytt navn")
        #expect(changed.leader?.id == "ny" && changed.cancelled == "sykdom" && changed.handover == "overtar")
        // The original and the instance's other meetings still have what the scheduler gave them.
        let again = try Self.schedule().meetings.filter { $0.instance == instance }
        #expect(same == again)
        #expect(original.title != "Endret tittel" && original.cancelled == nil && original.handover != "overtar")
        #expect(same[1].title == original.title && same[1].location == original.location)
        // Setting a note back to nil makes an equal meeting again.
        var restored = original
        restored.cancelled = "x"
        restored.cancelled = nil
        #expect(restored == original && restored.hashValue == original.hashValue)
    }

    @Test func equalMeetingsFromSeparateRunsAreEqualAndHashEqual() throws {
        let first = try Self.schedule().meetings
        let second = try Self.schedule().meetings
        #expect(first == second)
        #expect(Set(first) == Set(second))
        #expect(Set(first).count == first.count)
    }

    @Test func permuteInPlaceIsTheMappedOrder() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 10, 257] {
            for _ in 0..<20 {
                let order = Array(0..<count).shuffled(using: &generator)
                var elements = (0..<count).map { "m\($0)" }
                let expected = order.map { elements[$0] }
                Scheduler.permute(&elements, to: order)
                #expect(elements == expected)
            }
        }
    }

    /// Elements that are references are moved: each is where the order says, and held by the
    /// array alone (no copy retained it, no move released it).
    @Test func permuteMovesReferences() {
        final class Box {
            let value: Int
            init(_ value: Int) { self.value = value }
        }
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 10, 257] {
            let order = Array(0..<count).shuffled(using: &generator)
            var elements = (0..<count).map { Box($0) }
            let expected = order.map { ObjectIdentifier(elements[$0]) }
            Scheduler.permute(&elements, to: order)
            #expect(elements.map(ObjectIdentifier.init) == expected)
            #expect(elements.map(\.value) == order)
            for k in elements.indices { #expect(isKnownUniquelyReferenced(&elements[k])) }
        }
    }

    /// The UID built in place is the one the plain formula gives:
    /// `<structure>[.<instance>]-<yyyymmdd>[-<slot + 1>]@<domain>`.
    @Test func uidsAreThePlainFormula() throws {
        var meetings = try Self.schedule().meetings
        #expect(meetings.contains { !$0.instance.isSingle } && meetings.contains { $0.instance.isSingle })
        var odd = try #require(meetings.first)
        odd.plannedDate = try #require(LocalDate(year: 987, month: 3, day: 4))
        odd.slotIndex = 11
        meetings.append(odd)
        for meeting in meetings {
            let slot = meeting.slotIndex == 0 ? "" : "-\(meeting.slotIndex + 1)"
            let identity = "\(meeting.instance.uidBase)-\(meeting.plannedDate.compact)\(slot)"
            #expect(meeting.identity == identity)
            #expect(meeting.uid(domain: "moteplan.example.no") == identity + "@moteplan.example.no")
        }
        var added = odd
        added.addedUID = "ekstra@example.no"
        #expect(added.uid(domain: "moteplan.example.no") == "ekstra@example.no")
    }
}
