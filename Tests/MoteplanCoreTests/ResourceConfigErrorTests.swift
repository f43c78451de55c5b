import Testing
@testable import MoteplanCore

/// Bad resource settings (capacities, unavailability, rooms, buffers, per-instance settings)
/// get an error at the line that holds the mistake. Each case edits one spot of a valid config.
struct ResourceConfigErrorTests {
    /// A valid config using every resource key; the `# …` comments make each edited spot unique.
    static let base = """
        version = 1
        [municipality]
        name = "Testkommune"
        uid_domain = "test.example.no"
        revision = 2026-01-01
        from = 2026-01-01
        to = 2027-12-31

        [scheduling]
        buffer_minutes = 15

        [[roles]]
        id = "leder"
        name = "Leder"

        [[roles]]
        id = "ppt"
        name = "PPT"
        capacity = 2
        unavailable = [
          { weekday = "fredag" },
          { weekday = "mandag", from = "08:00", to = "11:00" },
          { from = 2026-10-05, to = 2026-10-09 },
        ]

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
        capacity = 1 # room
        unavailable = [{ weekday = "onsdag" }]

        [[structures]]
        id = "s"
        title = "Møte"
        leader = "leder"
        cadence = { kind = "dates", dates = [2026-09-15] }
        start = "12:00"
        end = "13:00"
        location = "rom" # s

        [[structures]]
        id = "team"
        title = "Team"
        per = "unit"
        unit_kinds = ["skole"]
        leader = "unit-head"
        cadence = { kind = "dates", dates = [2026-09-15] }
        start = "14:00"
        end = "15:00"
        participants = ["ppt"] # team
        optional_participants = ["leder"]

        [[structures.instances]]
        id = "u1" # first override
        start = "08:00"
        end = "09:00"

        [[structures.instances]]
        id = "u2" # second override
        start = "15:00"
        end = "16:00"
        participants = ["ppt", "leder"] # override
        location = "rom" # override
        """

    /// `base` with `old` replaced by `new`; `old` must occur exactly once.
    static func replacing(_ old: String, with new: String) -> String {
        precondition(base.components(separatedBy: old).count == 2, "not unique in the base config: \(old)")
        return base.replacingOccurrences(of: old, with: new)
    }

    /// The error check shared with ConfigErrorTests: the message, file:line:col, the line of `needle`.
    func expectError(_ text: String, _ fragment: String, lineOf needle: String, sourceLocation: SourceLocation = #_sourceLocation) {
        ConfigErrorTests().expectError(text, fragment, lineOf: needle, sourceLocation: sourceLocation)
    }

    @Test func baseConfigLoads() throws {
        #expect(Fixtures.errors(Self.base).isEmpty)
        let configuration = try Fixtures.load(Self.base).configuration
        #expect(configuration.role("ppt")?.availability.capacity == 2)
        #expect(configuration.role("ppt")?.availability.unavailable.count == 3)
        #expect(configuration.scheduling.bufferMinutes == 15)
        #expect(configuration.location("rom")?.availability.capacity == 1)
    }

    // MARK: Unknown ids

    @Test func unknownParticipant() {
        let text = Self.replacing("participants = [\"ppt\"] # team", with: "participants = [\"pt\"] # team")
        expectError(text, "unknown role or unit \"pt\". Did you mean \"ppt\"?", lineOf: "participants = [\"pt\"] # team")
    }

    @Test func unknownOptionalParticipant() {
        let text = Self.replacing("optional_participants = [\"leder\"]", with: "optional_participants = [\"ledr\"]")
        expectError(text, "unknown role or unit \"ledr\". Did you mean \"leder\"?", lineOf: "optional_participants = [\"ledr\"]")
    }

    @Test func idLikeLocationThatIsNoLocation() {
        let text = Self.replacing("location = \"rom\" # s", with: "location = \"rom-2\" # s")
        expectError(text, "unknown location \"rom-2\". Did you mean \"rom\"?", lineOf: "location = \"rom-2\" # s")
    }

    @Test func placeWrittenAsTextIsNoResource() throws {
        let text = Self.replacing("location = \"rom\" # s", with: "location = \"Rom 2, rådhuset\" # s")
        #expect(Fixtures.errors(text).isEmpty)
    }

    @Test func unknownParticipantInAnInstanceOverride() {
        let text = Self.replacing("participants = [\"ppt\", \"leder\"] # override", with: "participants = [\"ppt\", \"lederr\"] # override")
        expectError(text, "unknown role or unit \"lederr\". Did you mean \"leder\"?", lineOf: "participants = [\"ppt\", \"lederr\"] # override")
    }

    @Test func unknownLocationInAnInstanceOverride() {
        let text = Self.replacing("location = \"rom\" # override", with: "location = \"rum\" # override")
        expectError(text, "unknown location \"rum\". Did you mean \"rom\"?", lineOf: "location = \"rum\" # override")
    }

    @Test func overrideForAnInstanceTheStructureDoesNotHave() {
        let text = Self.replacing("id = \"u2\" # second override", with: "id = \"u3\" # second override")
        expectError(text, "team has no instance \"u3\"", lineOf: "id = \"u3\" # second override")
    }

    @Test func overrideOnAStructureWithOneInstance() {
        let text = Self.replacing(
            "location = \"rom\" # s", with: "location = \"rom\" # s\n\n[[structures.instances]]\nid = \"s\" # one\nstart = \"10:00\"\nend = \"11:00\"")
        expectError(text, "per-instance settings need per = \"unit\" or per = \"group\"", lineOf: "id = \"s\" # one")
    }

    // MARK: Capacity

    @Test func capacityZero() {
        let text = Self.replacing("capacity = 2", with: "capacity = 0")
        expectError(text, "0 is out of range; use 1 to 1000", lineOf: "capacity = 0")
    }

    @Test func roomCapacityZero() {
        let text = Self.replacing("capacity = 1 # room", with: "capacity = 0 # room")
        expectError(text, "0 is out of range; use 1 to 1000", lineOf: "capacity = 0 # room")
    }

    @Test func fractionalCapacity() {
        let text = Self.replacing("capacity = 2", with: "capacity = 1.5")
        expectError(text, "expected a whole number", lineOf: "capacity = 1.5")
    }

    @Test func capacityAsText() {
        let text = Self.replacing("capacity = 2", with: "capacity = \"3\"")
        expectError(text, "expected a whole number", lineOf: "capacity = \"3\"")
    }

    // MARK: Unavailability

    @Test func unavailableDaysReversed() {
        let text = Self.replacing("{ from = 2026-10-05, to = 2026-10-09 }", with: "{ from = 2026-10-09, to = 2026-10-05 }")
        expectError(text, "end (2026-10-05) before they start (2026-10-09)", lineOf: "{ from = 2026-10-09, to = 2026-10-05 }")
    }

    @Test func unavailableTimesReversed() {
        let text = Self.replacing(
            "{ weekday = \"mandag\", from = \"08:00\", to = \"11:00\" }", with: "{ weekday = \"mandag\", from = \"11:00\", to = \"08:00\" }")
        expectError(text, "ends (08:00) before it starts (11:00)", lineOf: "{ weekday = \"mandag\", from = \"11:00\"")
    }

    @Test func unavailableUnknownWeekday() {
        let text = Self.replacing("{ weekday = \"fredag\" }", with: "{ weekday = \"fredagg\" }")
        expectError(text, "unknown weekday \"fredagg\". Did you mean \"fredag\"?", lineOf: "{ weekday = \"fredagg\" }")
    }

    @Test func unavailableWeekdayAndDates() {
        let text = Self.replacing("{ weekday = \"fredag\" }", with: "{ weekday = \"fredag\", from = 2026-10-05, to = 2026-10-09 }")
        expectError(text, "give either a weekday (with times) or dates, not both", lineOf: "{ weekday = \"fredag\", from = 2026-10-05")
    }

    // MARK: Buffer

    @Test func negativeBuffer() {
        let text = Self.replacing("buffer_minutes = 15", with: "buffer_minutes = -5")
        expectError(text, "-5 is out of range; use 0 to 1440 minutes", lineOf: "buffer_minutes = -5")
    }

    @Test func bufferOverADay() {
        let text = Self.replacing("buffer_minutes = 15", with: "buffer_minutes = 2000")
        expectError(text, "2000 is out of range; use 0 to 1440 minutes", lineOf: "buffer_minutes = 2000")
    }
}
