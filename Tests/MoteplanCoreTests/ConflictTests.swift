import Testing
@testable import MoteplanCore

/// Small configs for conflict tests: a municipality, then the roles, units, locations and
/// structures each test writes out in full.
enum ConflictFixtures {
    static let domain = "test.example.no"

    /// A config with `body` after the municipality (horizon 2026–2027).
    static func text(_ body: String) -> String {
        """
        version = 1
        [municipality]
        name = "Testkommune"
        uid_domain = "\(domain)"
        revision = 2026-01-01
        from = 2026-01-01
        to = 2027-12-31

        \(body)
        """
    }

    /// `[[roles]]` entries with just an id and a name.
    static func roles(_ ids: String...) -> String {
        ids.map { "[[roles]]\nid = \"\($0)\"\nname = \"Rolle \($0)\"\n" }.joined(separator: "\n")
    }

    /// A single structure meeting on `dates` (TOML dates) from `start` to `end`; `extra` keys
    /// go before any sub-table.
    static func structure(_ id: String, on dates: String, _ start: String, _ end: String, leader: String, _ extra: String = "") -> String {
        """
        [[structures]]
        id = "\(id)"
        title = "Møte \(id)"
        leader = "\(leader)"
        cadence = { kind = "dates", dates = [\(dates)] }
        start = "\(start)"
        end = "\(end)"
        \(extra)

        """
    }

    /// The loaded config and its schedule (with `changes`).
    static func plan(_ text: String, changes: [MeetingChange] = []) throws -> (Configuration, [Meeting]) {
        let configuration = try Fixtures.load(text).configuration
        return (configuration, Scheduler(configuration: configuration, changes: changes).schedule().meetings)
    }

    /// The finder's windows as one line each: `resource start end capacity/needed uids…` (UIDs
    /// without the domain). Also checks that the oracle finds exactly the same windows.
    static func windows(_ text: String, changes: [MeetingChange] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let (configuration, meetings) = try plan(text, changes: changes)
        let found = ConflictFinder(configuration: configuration).conflicts(in: meetings)
        #expect(found.map(ConflictOracle.Window.init) == ConflictOracle(configuration: configuration).windows(in: meetings), sourceLocation: sourceLocation)
        return found.map { c in
            let uids = c.uids.map { $0.replacingOccurrences(of: "@\(domain)", with: "") }
            return "\(c.resource) \(c.start) \(c.end) \(c.capacity)/\(c.needed) \(uids.joined(separator: " "))"
        }
    }
}

/// Double-bookings worked out by hand on small configs: what a rådgiver reads in
/// `moteplan conflicts`. Dates: 2026-09-14 is a Monday, 2026-09-15 a Tuesday.
struct ConflictTests {
    typealias F = ConflictFixtures

    // MARK: Capacity

    /// Three meetings need PPT on Tuesday 15 September:
    /// a 12:00–13:00, b 12:30–13:30, c 12:45–14:00. At each moment PPT is needed by
    /// 12:00–12:30: 1 (a), 12:30–12:45: 2 (a, b), 12:45–13:00: 3 (a, b, c), 13:00–13:30: 2 (b, c), 13:30–14:00: 1 (c).
    static func staggered(capacity: Int) -> String {
        F.text(
            F.roles("la", "lb", "lc") + """

            [[roles]]
            id = "ppt"
            name = "PPT"
            capacity = \(capacity)

            """
                + F.structure("a", on: "2026-09-15", "12:00", "13:00", leader: "la", "participants = [\"ppt\"]")
                + F.structure("b", on: "2026-09-15", "12:30", "13:30", leader: "lb", "participants = [\"ppt\"]")
                + F.structure("c", on: "2026-09-15", "12:45", "14:00", leader: "lc", "participants = [\"ppt\"]"))
    }

    @Test func capacityTwoIsExceededOnlyWhileAllThreeMeet() throws {
        // More than 2 only 12:45–13:00, when all three meet.
        #expect(try F.windows(Self.staggered(capacity: 2)) == [
            "ppt 2026-09-15T12:45 2026-09-15T13:00 2/3 a-20260915 b-20260915 c-20260915",
        ])
    }

    @Test func capacityOneIsExceededFromTheFirstOverlapToTheLast() throws {
        // More than 1 from 12:30 (b joins a) to 13:30 (b ends, c alone): one window, at worst 3.
        #expect(try F.windows(Self.staggered(capacity: 1)) == [
            "ppt 2026-09-15T12:30 2026-09-15T13:30 1/3 a-20260915 b-20260915 c-20260915",
        ])
    }

    @Test func capacityThreeTakesAllThree() throws {
        #expect(try F.windows(Self.staggered(capacity: 3)) == [])
    }

    /// Three meetings at exactly the same time, 12:00–13:00.
    static func together(capacity: Int) -> String {
        F.text(
            F.roles("la", "lb", "lc") + "\n[[roles]]\nid = \"ppt\"\nname = \"PPT\"\ncapacity = \(capacity)\n\n"
                + F.structure("a", on: "2026-09-15", "12:00", "13:00", leader: "la", "participants = [\"ppt\"]")
                + F.structure("b", on: "2026-09-15", "12:00", "13:00", leader: "lb", "participants = [\"ppt\"]")
                + F.structure("c", on: "2026-09-15", "12:00", "13:00", leader: "lc", "participants = [\"ppt\"]"))
    }

    @Test func threeAtOnceWithCapacityTwoIsOneWindowNeedingThree() throws {
        #expect(try F.windows(Self.together(capacity: 2)) == [
            "ppt 2026-09-15T12:00 2026-09-15T13:00 2/3 a-20260915 b-20260915 c-20260915",
        ])
        #expect(try F.windows(Self.together(capacity: 3)) == [])
    }

    @Test func backToBackWindowsWithoutAGapAreOneWindow() throws {
        // a and b 12:00–13:00, c and d 13:00–14:00, all with PPT (capacity 1): two meetings at
        // every moment from 12:00 to 14:00, so one stretch, not two.
        let text = F.text(
            F.roles("la", "lb", "lc", "ld", "ppt")
                + F.structure("a", on: "2026-09-15", "12:00", "13:00", leader: "la", "participants = [\"ppt\"]")
                + F.structure("b", on: "2026-09-15", "12:00", "13:00", leader: "lb", "participants = [\"ppt\"]")
                + F.structure("c", on: "2026-09-15", "13:00", "14:00", leader: "lc", "participants = [\"ppt\"]")
                + F.structure("d", on: "2026-09-15", "13:00", "14:00", leader: "ld", "participants = [\"ppt\"]"))
        #expect(try F.windows(text) == [
            "ppt 2026-09-15T12:00 2026-09-15T14:00 1/2 a-20260915 b-20260915 c-20260915 d-20260915",
        ])
    }

    @Test func meetingStartingAsTheWindowEndsIsNotInIt() throws {
        // a and b 12:00–13:00 with PPT (capacity 1): a window 12:00–13:00. c starts at 13:00,
        // when a and b have ended: from 13:00 PPT has one meeting, so c is not in the window.
        let text = F.text(
            F.roles("la", "lb", "lc", "ppt")
                + F.structure("a", on: "2026-09-15", "12:00", "13:00", leader: "la", "participants = [\"ppt\"]")
                + F.structure("b", on: "2026-09-15", "12:00", "13:00", leader: "lb", "participants = [\"ppt\"]")
                + F.structure("c", on: "2026-09-15", "13:00", "14:00", leader: "lc", "participants = [\"ppt\"]"))
        #expect(try F.windows(text) == ["ppt 2026-09-15T12:00 2026-09-15T13:00 1/2 a-20260915 b-20260915"])
    }

    // MARK: Unavailability

    @Test func weeklyUnavailabilityWholeDayAndFromTo() throws {
        // PPT is away Mondays 08:00–11:00 and every Friday.
        // a Mon 14 Sep 10:00–12:00: unavailable 10:00–11:00 only.
        // b Mon 14 Sep 07:00–08:00: ends as the unavailable time starts: nothing.
        // c Tue 15 Sep 10:00–12:00: not a Monday: nothing.
        // d Fri 18 Sep 14:00–15:00: the whole day: 14:00–15:00.
        let text = F.text(
            F.roles("leder") + """

            [[roles]]
            id = "ppt"
            name = "PPT"
            unavailable = [{ weekday = "mandag", from = "08:00", to = "11:00" }, { weekday = "fredag" }]

            """
                + F.structure("a", on: "2026-09-14", "10:00", "12:00", leader: "leder", "participants = [\"ppt\"]")
                + F.structure("b", on: "2026-09-14", "07:00", "08:00", leader: "leder", "participants = [\"ppt\"]")
                + F.structure("c", on: "2026-09-15", "10:00", "12:00", leader: "leder", "participants = [\"ppt\"]")
                + F.structure("d", on: "2026-09-18", "14:00", "15:00", leader: "leder", "participants = [\"ppt\"]"))
        #expect(try F.windows(text) == [
            "ppt 2026-09-14T10:00 2026-09-14T11:00 0/1 a-20260914",
            "ppt 2026-09-18T14:00 2026-09-18T15:00 0/1 d-20260918",
        ])
    }

    @Test func datedUnavailabilityCoversWholeDaysAndSortsWithCapacityWindows() throws {
        // PPT is away Monday 5 – Friday 9 October.
        // a Fri 2 Oct 09:00–10:00 and e Mon 12 Oct 09:00–10:00: outside: nothing.
        // b Wed 7 Oct 09:00–10:00 and c Wed 7 Oct 09:30–11:00: unavailable from 09:00 to 11:00,
        //   at most 2 at once (09:30–10:00); and, with capacity 1, a capacity window 09:30–10:00.
        // d Fri 9 Oct 14:00–15:00: the last day counts: 14:00–15:00.
        // Listed by start: 7 Oct 09:00 (unavailable), 7 Oct 09:30 (capacity), 9 Oct 14:00.
        let text = F.text(
            F.roles("la", "lb") + """

            [[roles]]
            id = "ppt"
            name = "PPT"
            unavailable = [{ from = 2026-10-05, to = 2026-10-09 }]

            """
                + F.structure("a", on: "2026-10-02", "09:00", "10:00", leader: "la", "participants = [\"ppt\"]")
                + F.structure("b", on: "2026-10-07", "09:00", "10:00", leader: "la", "participants = [\"ppt\"]")
                + F.structure("c", on: "2026-10-07", "09:30", "11:00", leader: "lb", "participants = [\"ppt\"]")
                + F.structure("d", on: "2026-10-09", "14:00", "15:00", leader: "la", "participants = [\"ppt\"]")
                + F.structure("e", on: "2026-10-12", "09:00", "10:00", leader: "la", "participants = [\"ppt\"]"))
        #expect(try F.windows(text) == [
            "ppt 2026-10-07T09:00 2026-10-07T11:00 0/2 b-20261007 c-20261007",
            "ppt 2026-10-07T09:30 2026-10-07T10:00 1/2 b-20261007 c-20261007",
            "ppt 2026-10-09T14:00 2026-10-09T15:00 0/1 d-20261009",
        ])
    }

    // MARK: Buffers

    /// PPT at a (12:00–13:00) and b (13:15–14:00), both in room "rom", with `buffer` minutes.
    static func backToBack(buffer: Int) -> String {
        F.text(
            "[scheduling]\nbuffer_minutes = \(buffer)\n\n" + F.roles("la", "lb", "ppt") + """

            [[locations]]
            id = "rom"
            name = "Møterom"

            """
                + F.structure("a", on: "2026-09-15", "12:00", "13:00", leader: "la", "participants = [\"ppt\"]\nlocation = \"rom\"")
                + F.structure("b", on: "2026-09-15", "13:15", "14:00", leader: "lb", "participants = [\"ppt\"]\nlocation = \"rom\""))
    }

    @Test func bufferMakesBackToBackMeetingsClashForPeopleNotRooms() throws {
        // Buffer 30: PPT is taken by a until 13:30 and by b from 13:15: 13:15–13:30.
        // The room is free from 13:00 to 13:15: rooms need no buffer.
        #expect(try F.windows(Self.backToBack(buffer: 30)) == [
            "ppt 2026-09-15T13:15 2026-09-15T13:30 1/2 a-20260915 b-20260915",
        ])
        // Buffer 15: a holds PPT until 13:15, exactly when b starts: no clash.
        #expect(try F.windows(Self.backToBack(buffer: 15)) == [])
    }

    @Test func roomWindowIgnoresTheBuffer() throws {
        // a 12:00–13:00 and b 12:30–13:30 in the same room, different people, buffer 30:
        // the room is double-booked only while both meet, 12:30–13:00.
        let text = F.text(
            "[scheduling]\nbuffer_minutes = 30\n\n" + F.roles("la", "lb") + "\n[[locations]]\nid = \"rom\"\nname = \"Møterom\"\n\n"
                + F.structure("a", on: "2026-09-15", "12:00", "13:00", leader: "la", "location = \"rom\"")
                + F.structure("b", on: "2026-09-15", "12:30", "13:30", leader: "lb", "location = \"rom\""))
        #expect(try F.windows(text) == ["rom 2026-09-15T12:30 2026-09-15T13:00 1/2 a-20260915 b-20260915"])
    }

    // MARK: The schedule's part

    @Test func holidayMovesAMeetingIntoAClash() throws {
        // a is planned on Thursday 6 May 2027, Kristi himmelfartsdag (Easter 2027 is 28 March,
        // + 39 days); it moves to the nearest working day, Friday 7 May (ties go later), 09:00–11:30.
        // b meets on Friday 7 May 10:00–12:00: PPT is needed twice 10:00–11:30.
        let text = F.text(
            F.roles("la", "lb", "ppt")
                + F.structure("a", on: "2027-05-06", "09:00", "11:30", leader: "la", "participants = [\"ppt\"]")
                + F.structure("b", on: "2027-05-07", "10:00", "12:00", leader: "lb", "participants = [\"ppt\"]"))
        let (_, meetings) = try F.plan(text)
        #expect(meetings.first { $0.instance.structureID == "a" }?.date.description == "2027-05-07")
        // The moved meeting keeps its planned date in the UID.
        #expect(try F.windows(text) == ["ppt 2027-05-07T10:00 2027-05-07T11:30 1/2 a-20270506 b-20270507"])
    }

    @Test func cancelledMeetingFreesItsPeople() throws {
        // a and b both 12:00–13:00 with PPT: a clash, until b is cancelled.
        let text = F.text(
            F.roles("la", "lb", "ppt")
                + F.structure("a", on: "2026-09-15", "12:00", "13:00", leader: "la", "participants = [\"ppt\"]")
                + F.structure("b", on: "2026-09-15", "12:00", "13:00", leader: "lb", "participants = [\"ppt\"]"))
        #expect(try F.windows(text) == ["ppt 2026-09-15T12:00 2026-09-15T13:00 1/2 a-20260915 b-20260915"])
        let at = LocalDateTime(date: LocalDate(year: 2026, month: 9, day: 1)!, time: .midnight)
        let cancel = MeetingChange(uid: "b-20260915@\(F.domain)", kind: .cancel, reason: "Syk", actor: "test", at: at)
        let (_, meetings) = try F.plan(text, changes: [cancel])
        #expect(meetings.filter(\.isCancelled).map { $0.uid(domain: F.domain) } == ["b-20260915@\(F.domain)"])
        #expect(try F.windows(text, changes: [cancel]) == [])
    }

    @Test func markerGuestsAreNeededOnlyAtTheMeetingsThatCarryTheMarker() throws {
        // a meets 15 Sep and 13 Oct 12:00–13:00; its marker (one per half-year, first) with
        // guest slt lands on 15 Sep only. b meets at the same times with slt as a participant.
        // slt is double-booked on 15 Sep, not on 13 Oct.
        let text = F.text(
            F.roles("la", "lb", "slt")
                + F.structure("a", on: "2026-09-15, 2026-10-13", "12:00", "13:00", leader: "la", """
                    [[structures.markers]]
                    id = "slt"
                    text = "SLT på agendaen"
                    per_half_year = 1
                    guests = ["slt"]
                    """)
                + F.structure("b", on: "2026-09-15, 2026-10-13", "12:00", "13:00", leader: "lb", "participants = [\"slt\"]"))
        let (_, meetings) = try F.plan(text)
        let a = meetings.filter { $0.instance.structureID == "a" }
        #expect(a.map(\.needs) == [["la", "slt"], ["la"]])
        #expect(try F.windows(text) == ["slt 2026-09-15T12:00 2026-09-15T13:00 1/2 a-20260915 b-20260915"])
    }

    @Test func optionalParticipantsAreNeverCounted() throws {
        // PPT is needed by a and welcome at b and c, all 12:00–13:00: only one meeting needs it.
        let text = F.text(
            F.roles("la", "lb", "lc", "ppt")
                + F.structure("a", on: "2026-09-15", "12:00", "13:00", leader: "la", "participants = [\"ppt\"]")
                + F.structure("b", on: "2026-09-15", "12:00", "13:00", leader: "lb", "optional_participants = [\"ppt\"]")
                + F.structure("c", on: "2026-09-15", "12:00", "13:00", leader: "lc", "optional_participants = [\"ppt\"]"))
        let (_, meetings) = try F.plan(text)
        #expect(meetings.map(\.needs) == [["la", "ppt"], ["lb"], ["lc"]])
        #expect(try F.windows(text) == [])
    }

    @Test func melhusNeedsReadFromTheConfigByHand() throws {
        let configuration = try Fixtures.load(Fixtures.melhusText).configuration
        let meetings = Scheduler(configuration: configuration).schedule().meetings
        func needs(_ uid: String) -> [String]? {
            meetings.first { $0.uid(domain: configuration.municipality.uidDomain) == uid + "@moteplan.melhus.example.no" }?.needs
        }
        // Samarbeidsgruppe, 6 August 2026: leader-ffm leads, seven participants, and the
        // "gjester" marker (first two meetings of the half-year) brings politikontakt and vgs.
        // The place is the location "gauldal" (Melhus rådhus, møterom Gauldal), a room resource, last.
        #expect(needs("samarbeidsgruppe-20260806") == [
            "leder-ffm", "leder-aphr", "leder-kultur", "radgiver-barnehage", "radgiver-skole", "slt-koordinator",
            "folkehelsekoordinator", "representant-hvk", "politikontakt", "vgs", "gauldal",
        ])
        // The third meeting (1 October) carries no marker.
        #expect(needs("samarbeidsgruppe-20261001") == [
            "leder-ffm", "leder-aphr", "leder-kultur", "radgiver-barnehage", "radgiver-skole", "slt-koordinator",
            "folkehelsekoordinator", "representant-hvk", "gauldal",
        ])
        // Nedre Melhus network, 16 September 2026: led by gimse-ungdomsskole (first leader, 2026/27),
        // then the members (gimse-ungdomsskole only once), then the SLT marker's guests.
        let members = [
            "gimse-barneskole", "hoyeggen-barneskole", "brekkasen-barneskole", "nedre-melhus-barnehager",
            "elvebakken-barnehage", "lovset-barnehage", "brekkasen-idrettsbarnehage", "helsestasjon", "ppt", "ergo-fysio",
            "psykisk-helse-rus", "nav", "kultur-fritid",
        ]
        // The networks meet in the location "kommunestyresalen".
        #expect(needs("nettverk.nedre-melhus-20260916") == ["gimse-ungdomsskole"] + members + ["slt-koordinator", "politikontakt", "kommunestyresalen"])
        // 2027/28: the next candidate, gimse-barneskole, leads; the member list keeps its order.
        var next = members
        next.insert("gimse-ungdomsskole", at: 1)
        #expect(needs("nettverk.nedre-melhus-20270915") == next + ["slt-koordinator", "politikontakt", "kommunestyresalen"])
        // Lokalt team at Gimse barneskole: its head leads, then helsestasjon and PPT.
        #expect(needs("lokalt-team.gimse-barneskole-20260908") == ["gimse-barneskole", "helsestasjon", "ppt"])
    }

    /// A per-unit team for schools u1 and u2, 15 Sep 12:00–13:00, with PPT, in room "rom";
    /// `override` is appended as the structure's last part.
    static func team(_ override: String = "") -> String {
        F.text(
            F.roles("ppt", "pst") + """

            [[units]]
            id = "u1"
            name = "Skole 1"
            kind = "skole"
            head = "Rektor"

            [[units]]
            id = "u2"
            name = "Skole 2"
            kind = "skole"
            head = "Rektor"

            [[locations]]
            id = "rom"
            name = "Møterom"

            [[structures]]
            id = "team"
            title = "Team"
            per = "unit"
            unit_kinds = ["skole"]
            leader = "unit-head"
            cadence = { kind = "dates", dates = [2026-09-15] }
            start = "12:00"
            end = "13:00"
            participants = ["ppt"]
            location = "rom"

            \(override)
            """)
    }

    @Test func instanceOverridesSeparateTwoUnits() throws {
        // Both teams 12:00–13:00 in rom with PPT: PPT and the room are each needed twice.
        #expect(try F.windows(Self.team()) == [
            "ppt 2026-09-15T12:00 2026-09-15T13:00 1/2 team.u1-20260915 team.u2-20260915",
            "rom 2026-09-15T12:00 2026-09-15T13:00 1/2 team.u1-20260915 team.u2-20260915",
        ])
        // u2 an hour later: back to back, no buffer: nothing.
        #expect(try F.windows(Self.team("[[structures.instances]]\nid = \"u2\"\nstart = \"13:00\"\nend = \"14:00\"")) == [])
        // u2 the next day.
        #expect(try F.windows(Self.team("[[structures.instances]]\nid = \"u2\"\ncadence = { kind = \"dates\", dates = [2026-09-16] }")) == [])
        // u2 with PST instead of PPT, in the gym (a place, not a resource): nothing left to share.
        let (_, meetings) = try F.plan(Self.team("[[structures.instances]]\nid = \"u2\"\nparticipants = [\"pst\"]\nlocation = \"Gymsalen\""))
        #expect(meetings.map(\.needs) == [["u1", "ppt", "rom"], ["u2", "pst"]])
        #expect(try F.windows(Self.team("[[structures.instances]]\nid = \"u2\"\nparticipants = [\"pst\"]\nlocation = \"Gymsalen\"")) == [])
        // Only the room moved: PPT still clashes, the room does not.
        #expect(try F.windows(Self.team("[[structures.instances]]\nid = \"u2\"\nlocation = \"Gymsalen\"")) == [
            "ppt 2026-09-15T12:00 2026-09-15T13:00 1/2 team.u1-20260915 team.u2-20260915",
        ])
    }
}
