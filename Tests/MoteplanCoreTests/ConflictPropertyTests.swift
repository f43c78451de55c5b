import PropertyBased
import Testing
@testable import MoteplanCore

/// ConflictFinder against the minute-by-minute oracle: on Melhus, on Melhus with every
/// structure at the same hour, and on random small configs.
struct ConflictPropertyTests {
    // MARK: Melhus

    @Test func melhusFinderAgreesWithTheOracle() throws {
        // The example as shipped is spread out: both agree there is nothing to find.
        let shipped = try Fixtures.load(Fixtures.melhusText).configuration
        let shippedMeetings = Scheduler(configuration: shipped).schedule().meetings
        #expect(ConflictFinder(configuration: shipped).windows(in: shippedMeetings).isEmpty)
        #expect(ConflictOracle(configuration: shipped).windows(in: shippedMeetings).isEmpty)
        let configuration = try Fixtures.load(Fixtures.withoutInstanceSettings(Fixtures.melhusText)).configuration
        let meetings = Scheduler(configuration: configuration).schedule().meetings
        let found = ConflictFinder(configuration: configuration).windows(in: meetings)
        let expected = ConflictOracle(configuration: configuration).windows(in: meetings)
        #expect(found.count == expected.count)
        #expect(found == expected)
        // Not a vacuous agreement: without the instance settings all 16 schools and kindergartens
        // hold their lokalt team on the second Tuesday, 8 September 2026, 12:30–14:00, each with
        // PPT (capacity 3), which is occupied until its 30-minute buffer ends at 14:30.
        let ppt = try #require(found.first { $0.resource == "ppt" && $0.start == "2026-09-08T12:30" })
        #expect(ppt.end == "2026-09-08T14:30")
        #expect(ppt.capacity == 3)
        #expect(ppt.needed == 16)
        #expect(ppt.uids.count == 16)
        #expect(ppt.uids.allSatisfy { $0.hasPrefix("lokalt-team.") && $0.contains("-20260908@") })
    }

    /// Melhus with every structure on the second Tuesday of the month, 12:30–14:00.
    static var melhusAllAtOnce: String {
        // Also without the example's capacities, unavailable times and buffer: every resource takes
        // one meeting, which the third count below relies on.
        var text = Fixtures.withoutInstanceSettings(Fixtures.melhusText)
            .replacingOccurrences(of: "buffer_minutes = 30", with: "buffer_minutes = 0")
            .replacingOccurrences(of: #"\n(capacity|unavailable) = [^\n]*"#, with: "", options: .regularExpression)
        let same = "cadence = { kind = \"monthly\", nth = [2], weekday = \"tirsdag\" }\nstart = \"12:30\"\nend = \"14:00\""
        for old in [
            "cadence = { kind = \"weekly\", every = 2, weekday = \"torsdag\", anchor = 2026-08-20, exclude_months = [7] }\nstart = \"12:00\"\nend = \"14:00\"",
            "cadence = { kind = \"months\", months = [\"september\", \"november\", \"februar\", \"april\"], nth = [3], weekday = \"onsdag\" }\nstart = \"13:00\"\nend = \"15:30\"",
            "cadence = { kind = \"monthly\", nth = [1], weekday = \"torsdag\", exclude_months = [7] }\nstart = \"09:00\"\nend = \"11:30\"",
            "cadence = { kind = \"weeks\", weeks = [11, 43], weekday = \"tirsdag\" }\nstart = \"10:00\"\nend = \"12:00\"",
            "cadence = { kind = \"dates\", dates = [2026-11-06, 2027-10-29] }\nslots = [{ start = \"09:00\", end = \"11:00\" }, { start = \"12:00\", end = \"14:00\" }]",
        ] {
            precondition(text.components(separatedBy: old).count == 2, "Melhus text changed: \(old)")
            text = text.replacingOccurrences(of: old, with: same)
        }
        return text
    }

    @Test func melhusAllAtOnceAgreesWithTheOracleAndWithCountingPerDay() throws {
        let configuration = try Fixtures.load(Self.melhusAllAtOnce).configuration
        let meetings = Scheduler(configuration: configuration).schedule().meetings
        // Stripped of capacities, unavailability and buffer: every resource takes one meeting.
        #expect(configuration.scheduling.bufferMinutes == 0)
        let resources = configuration.roles.map { ($0.id, $0.availability) } + configuration.units.map { ($0.id, $0.head.availability) }
            + configuration.locations.map { ($0.id, $0.availability) }
        #expect(resources.allSatisfy { $0.1 == Availability() })
        // Every meeting is 12:30–14:00 (holiday moves change the day, not the hour).
        #expect(meetings.allSatisfy { $0.start.description == "12:30" && $0.end.description == "14:00" })

        let found = ConflictFinder(configuration: configuration).windows(in: meetings)
        #expect(found == ConflictOracle(configuration: configuration).windows(in: meetings))

        // A third way: with identical hours, a resource is double-booked exactly on the days more
        // than one meeting needs it, 12:30–14:00, by all of that day's meetings.
        let domain = configuration.municipality.uidDomain
        var expected: [ConflictOracle.Window] = []
        for (id, _) in resources {
            var byDay: [LocalDate: [Meeting]] = [:]
            for meeting in meetings where !meeting.isCancelled && meeting.needs.contains(id) {
                byDay[meeting.date, default: []].append(meeting)
            }
            for day in byDay.keys.sorted() {
                guard let list = byDay[day], list.count > 1 else { continue }
                expected.append(ConflictOracle.Window(
                    resource: id, start: "\(day)T12:30", end: "\(day)T14:00", capacity: 1, needed: list.count,
                    uids: list.map { $0.uid(domain: domain) }.sorted(),
                    structures: Set(list.map(\.instance.structureID)).sorted()))
            }
        }
        #expect(found.count == expected.count)
        #expect(found == expected)
        // Many more than in the real Melhus plan: everyone meets at once.
        let real = try Fixtures.load(Fixtures.melhusText).configuration
        let realCount = ConflictFinder(configuration: real).conflicts(in: Scheduler(configuration: real).schedule().meetings).count
        #expect(found.count > realCount)
    }

    // MARK: Random configs

    /// What only the finder and only the oracle found (or that only the order differs).
    static func difference(_ found: [ConflictOracle.Window], _ expected: [ConflictOracle.Window]) -> String {
        let onlyFinder = found.filter { !expected.contains($0) }
        let onlyOracle = expected.filter { !found.contains($0) }
        if onlyFinder.isEmpty && onlyOracle.isEmpty { return "same windows, different order:\n\(found.map(\.description).joined(separator: "\n"))" }
        return "only the finder:\n\(onlyFinder.map(\.description).joined(separator: "\n"))\nonly the oracle:\n\(onlyOracle.map(\.description).joined(separator: "\n"))"
    }

    /// How often the random cases exercised each kind of window (so agreement is not vacuous).
    struct Tally {
        var cases = 0
        var capacity = 0
        var unavailable = 0
        var room = 0
        var buffered = 0
        var changed = 0
        var meetings = 0
        var windows = 0
    }

    @Test func finderAgreesWithTheOracleOnRandomConfigs() async throws {
        var tally = Tally()
        await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000_000)) { seed in
            var rng = ConflictSplitMix(seed: UInt64(seed))
            let model = RandomPlan.make(&rng)
            let text = model.toml
            let configuration: Configuration
            do {
                configuration = try Fixtures.load(text).configuration
            } catch {
                Issue.record("seed \(seed): generated config did not load: \(error)\n\(text)")
                return
            }
            let first = Scheduler(configuration: configuration).schedule()
            let changes = RandomPlan.changes(first.meetings, domain: configuration.municipality.uidDomain, &rng)
            let meetings = changes.isEmpty ? first.meetings : Scheduler(configuration: configuration, changes: changes).schedule().meetings

            // The needs, from the generator's own description of the config.
            for meeting in meetings {
                let expected = model.expectedNeeds(meeting)
                if meeting.needs != expected {
                    Issue.record("seed \(seed): \(meeting.identity) needs \(meeting.needs), expected \(expected)")
                    break
                }
            }

            let finder = ConflictFinder(configuration: configuration)
            let found = finder.windows(in: meetings)
            let expected = ConflictOracle(configuration: configuration).windows(in: meetings)
            // A Bool, so a failure prints the difference rather than every window twice.
            let agree = found == expected
            #expect(agree, "seed \(seed)\n\(text)\n\(Self.difference(found, expected))")

            // The filters keep exactly the oracle's windows of one resource starting in a date range.
            let ids = model.roles.map(\.id) + model.units.map(\.id) + (model.room.map { [$0.id] } ?? [])
            let only = ids[Int.random(in: 0..<ids.count, using: &rng)]
            let from = RandomPlan.day(Int.random(in: 0..<300, using: &rng))
            let to = from.adding(days: Int.random(in: 0..<120, using: &rng))
            let filtered = finder.conflicts(in: meetings, from: from, to: to, resource: only).map(ConflictOracle.Window.init)
            let kept = expected.filter {
                $0.resource == only && $0.start.prefix(10) >= from.description && $0.start.prefix(10) <= to.description
            }
            let filtersAgree = filtered == kept
            #expect(filtersAgree, "seed \(seed): --resource \(only) --from \(from) --to \(to)\n\(Self.difference(filtered, kept))")

            tally.cases += 1
            tally.meetings += meetings.count
            tally.windows += expected.count
            if expected.contains(where: { $0.capacity > 0 }) { tally.capacity += 1 }
            if expected.contains(where: { $0.capacity == 0 }) { tally.unavailable += 1 }
            if expected.contains(where: { $0.resource == "rom" }) { tally.room += 1 }
            if model.buffer ?? 0 > 0 && expected.contains(where: { $0.capacity > 0 && $0.resource != "rom" }) { tally.buffered += 1 }
            if !changes.isEmpty { tally.changed += 1 }
        }
        // Every kind of window turned up in a good share of the cases.
        // (A failing case is run again while it is reported, so there may be more than 150.)
        #expect(tally.cases >= 150)
        #expect(tally.capacity >= tally.cases / 2, "\(tally)")
        #expect(tally.unavailable >= tally.cases / 5, "\(tally)")
        #expect(tally.room >= tally.cases / 10, "\(tally)")
        #expect(tally.buffered >= tally.cases / 5, "\(tally)")
        #expect(tally.changed >= tally.cases / 5, "\(tally)")
        print("ConflictPropertyTests: \(tally)")
    }
}

/// A seeded generator, so each case is reproducible from its seed.
struct ConflictSplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random small config (one school year, a few roles and schools, a per-unit team and
/// sometimes a shared meeting), kept as values so the test knows what each meeting needs
/// without asking the program.
struct RandomPlan {
    struct Resource {
        var id: String
        var capacity: Int?
        var unavailable: [String]
        var location: String?
    }

    struct Override {
        var unit: String
        var cadence: String?
        var times: String?
        var location: String?
        var participants: [String]?
    }

    struct Marker {
        var guests: [String]
        var count: Int
        var last: Bool
    }

    struct Structure {
        var id: String
        var perUnit: Bool
        var leader: String
        var cadence: String
        var times: String
        var participants: [String]
        var optional: [String]
        var location: String?
        var onHoliday: String
        var marker: Marker?
        var overrides: [Override]
    }

    var roles: [Resource] = []
    var units: [Resource] = []
    var room: Resource?
    var buffer: Int?
    var structures: [Structure] = []

    /// The horizon's first day, 2026-08-01, plus `offset` days.
    static func day(_ offset: Int) -> LocalDate {
        LocalDate(year: 2026, month: 8, day: 1)!.adding(days: offset)
    }

    static let weekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"]

    static func pick<T>(_ items: [T], _ rng: inout ConflictSplitMix) -> T {
        items[Int.random(in: 0..<items.count, using: &rng)]
    }

    static func chance(_ percent: Int, _ rng: inout ConflictSplitMix) -> Bool {
        Int.random(in: 0..<100, using: &rng) < percent
    }

    static func subset(_ items: [String], max: Int, _ rng: inout ConflictSplitMix) -> [String] {
        Array(items.shuffled(using: &rng).prefix(Int.random(in: 0...min(max, items.count), using: &rng)))
    }

    /// Mostly midweek, so structures meet on the same days.
    static func weekday(_ rng: inout ConflictSplitMix) -> String {
        chance(80, &rng) ? pick(["tirsdag", "onsdag", "torsdag"], &rng) : pick(weekdays, &rng)
    }

    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    /// A start minute: usually one of a few common hours, else any quarter hour 08:00–15:00.
    static func startMinute(_ rng: inout ConflictSplitMix) -> Int {
        chance(50, &rng) ? pick([540, 720, 750, 780], &rng) : 480 + 15 * Int.random(in: 0...28, using: &rng)
    }

    static func unavailable(_ rng: inout ConflictSplitMix) -> String {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
            return "{ weekday = \"\(weekday(&rng))\" }"
        case 1:
            let from = 420 + 15 * Int.random(in: 0...28, using: &rng)
            let to = min(from + 15 * Int.random(in: 1...16, using: &rng), 23 * 60 + 59)
            return "{ weekday = \"\(weekday(&rng))\", from = \"\(clock(from))\", to = \"\(clock(to))\" }"
        default:
            let first = day(Int.random(in: 0..<360, using: &rng))
            return "{ from = \(first), to = \(first.adding(days: Int.random(in: 0...14, using: &rng))) }"
        }
    }

    static func resource(_ id: String, _ rng: inout ConflictSplitMix) -> Resource {
        let capacity = chance(60, &rng) ? Int.random(in: 1...3, using: &rng) : nil
        let count = chance(50, &rng) ? Int.random(in: 1...2, using: &rng) : 0
        return Resource(id: id, capacity: capacity, unavailable: (0..<count).map { _ in unavailable(&rng) })
    }

    static func cadence(_ rng: inout ConflictSplitMix) -> String {
        let exclude = chance(30, &rng) ? ", exclude_months = [7, 12]" : ""
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            let nth = Array([1, 2, 3, 4, -1].shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)))
            return "{ kind = \"monthly\", nth = \(nth), weekday = \"\(weekday(&rng))\"\(exclude) }"
        case 1:
            let anchor = day(2 + Int.random(in: 0..<14, using: &rng))
            return "{ kind = \"weekly\", every = \(Int.random(in: 1...3, using: &rng)), weekday = \"\(weekday(&rng))\", anchor = \(anchor)\(exclude) }"
        case 2:
            let weeks = (0..<Int.random(in: 1...8, using: &rng)).map { _ in Int.random(in: 1...52, using: &rng) }
            return "{ kind = \"weeks\", weeks = \(Array(Set(weeks)).sorted()), weekday = \"\(weekday(&rng))\"\(exclude) }"
        default:
            let dates = Set((0..<Int.random(in: 1...8, using: &rng)).map { _ in day(Int.random(in: 0..<365, using: &rng)) })
            return "{ kind = \"dates\", dates = [\(dates.sorted().map(\.description).joined(separator: ", "))] }"
        }
    }

    /// `start`/`end`, `start`/`duration_minutes`, or two `slots`.
    static func times(_ rng: inout ConflictSplitMix) -> String {
        let start = startMinute(&rng)
        let length = pick([30, 45, 60, 90, 120], &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            return "start = \"\(clock(start))\"\nduration_minutes = \(length)"
        case 1:
            let second = start + length + pick([0, 15, 30, 60], &rng)
            return "slots = [{ start = \"\(clock(start))\", end = \"\(clock(start + length))\" }, { start = \"\(clock(second))\", end = \"\(clock(second + pick([30, 60], &rng)))\" }]"
        default:
            return "start = \"\(clock(start))\"\nend = \"\(clock(start + length))\""
        }
    }

    static func make(_ rng: inout ConflictSplitMix) -> RandomPlan {
        var plan = RandomPlan()
        plan.roles = (0..<Int.random(in: 2...3, using: &rng)).map { resource("r\($0)", &rng) }
        plan.units = (0..<Int.random(in: 2...4, using: &rng)).map { resource("u\($0)", &rng) }
        if chance(50, &rng) {
            var room = resource("rom", &rng)
            room.capacity = chance(50, &rng) ? Int.random(in: 1...2, using: &rng) : nil
            plan.room = room
            for index in plan.units.indices where chance(30, &rng) { plan.units[index].location = "rom" }
        }
        plan.buffer = chance(80, &rng) ? Int.random(in: 0...60, using: &rng) : nil
        let roleIDs = plan.roles.map(\.id)
        let people = roleIDs + plan.units.map(\.id)
        func place(_ rng: inout ConflictSplitMix) -> String? {
            if plan.room != nil && chance(50, &rng) { return "rom" }
            return chance(30, &rng) ? "Kantina" : nil
        }

        var team = Structure(
            id: "team", perUnit: true, leader: chance(70, &rng) ? "unit-head" : pick(roleIDs, &rng),
            cadence: cadence(&rng), times: times(&rng), participants: subset(people, max: 3, &rng),
            optional: subset(people, max: 2, &rng), location: place(&rng), onHoliday: chance(70, &rng) ? "move" : "skip",
            marker: nil, overrides: [])
        if chance(40, &rng) {
            team.marker = Marker(guests: subset(people, max: 2, &rng), count: Int.random(in: 1...2, using: &rng), last: chance(30, &rng))
        }
        for unit in plan.units where chance(40, &rng) {
            var override = Override(unit: unit.id)
            if chance(40, &rng) { override.cadence = cadence(&rng) }
            if chance(50, &rng) { override.times = times(&rng) }
            if chance(30, &rng) { override.location = place(&rng) ?? "Gymsalen" }
            if chance(30, &rng) { override.participants = subset(people, max: 3, &rng) }
            team.overrides.append(override)
        }
        plan.structures.append(team)
        if chance(60, &rng) {
            var shared = Structure(
                id: "felles", perUnit: false, leader: pick(roleIDs, &rng), cadence: cadence(&rng), times: times(&rng),
                participants: subset(people, max: 4, &rng), optional: subset(people, max: 2, &rng), location: place(&rng),
                onHoliday: chance(70, &rng) ? "move" : "skip", marker: nil, overrides: [])
            if chance(50, &rng) {
                shared.marker = Marker(guests: subset(people, max: 2, &rng), count: Int.random(in: 1...2, using: &rng), last: chance(30, &rng))
            }
            plan.structures.append(shared)
        }
        return plan
    }

    /// A few cancellations and moves by hand, in about half the cases.
    static func changes(_ meetings: [Meeting], domain: String, _ rng: inout ConflictSplitMix) -> [MeetingChange] {
        guard !meetings.isEmpty, chance(50, &rng) else { return [] }
        let at = LocalDateTime(date: day(0), time: .midnight)
        var result: [MeetingChange] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let uid = pick(meetings, &rng).uid(domain: domain)
            if chance(50, &rng) {
                result.append(MeetingChange(uid: uid, kind: .cancel, reason: nil, actor: "test", at: at))
            } else {
                let start = startMinute(&rng)
                let end = start + pick([30, 60, 90], &rng)
                let when = LocalDateTime(date: day(Int.random(in: 0..<365, using: &rng)), time: LocalTime(hour: start / 60, minute: start % 60)!)
                result.append(MeetingChange(uid: uid, kind: .move(start: when, end: LocalTime(hour: end / 60, minute: end % 60)!), reason: nil, actor: "test", at: at))
            }
        }
        return result
    }

    static func list(_ ids: [String]) -> String {
        "[" + ids.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }

    /// The config as TOML.
    var toml: String {
        var lines = [
            "version = 1", "[municipality]", "name = \"Prøvekommune\"", "uid_domain = \"prove.example.no\"",
            "revision = 2026-08-01", "from = 2026-08-01", "to = 2027-07-31", "",
        ]
        if let buffer { lines += ["[scheduling]", "buffer_minutes = \(buffer)", ""] }
        func availability(_ r: Resource) -> [String] {
            var out: [String] = []
            if let capacity = r.capacity { out.append("capacity = \(capacity)") }
            if !r.unavailable.isEmpty {
                out.append("unavailable = [")
                out += r.unavailable.map { "  \($0)," }
                out.append("]")
            }
            return out
        }
        for role in roles {
            lines += ["[[roles]]", "id = \"\(role.id)\"", "name = \"Rolle \(role.id)\""] + availability(role) + [""]
        }
        for unit in units {
            lines += ["[[units]]", "id = \"\(unit.id)\"", "name = \"Skole \(unit.id)\"", "kind = \"skole\"", "head = \"Rektor\""]
            if let location = unit.location { lines.append("location = \"\(location)\"") }
            lines += availability(unit) + [""]
        }
        if let room {
            lines += ["[[locations]]", "id = \"\(room.id)\"", "name = \"Møterommet\""] + availability(room) + [""]
        }
        for s in structures {
            lines += ["[[structures]]", "id = \"\(s.id)\"", "title = \"Møte \(s.id)\""]
            if s.perUnit { lines += ["per = \"unit\"", "unit_kinds = [\"skole\"]"] }
            lines += ["leader = \"\(s.leader)\"", "cadence = \(s.cadence)", s.times, "on_holiday = \"\(s.onHoliday)\""]
            if !s.participants.isEmpty { lines.append("participants = \(Self.list(s.participants))") }
            if !s.optional.isEmpty { lines.append("optional_participants = \(Self.list(s.optional))") }
            if let location = s.location { lines.append("location = \"\(location)\"") }
            if let marker = s.marker {
                lines += ["", "[[structures.markers]]", "id = \"merke\"", "text = \"Gjester\"", "per_half_year = \(marker.count)",
                          "position = \"\(marker.last ? "last" : "first")\"", "guests = \(Self.list(marker.guests))"]
            }
            for o in s.overrides {
                lines += ["", "[[structures.instances]]", "id = \"\(o.unit)\""]
                if let cadence = o.cadence { lines.append("cadence = \(cadence)") }
                if let times = o.times { lines.append(times) }
                if let location = o.location { lines.append("location = \"\(location)\"") }
                if let participants = o.participants { lines.append("participants = \(Self.list(participants))") }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// What `meeting` needs by the documented rule: its leader, its unit, the participants (the
    /// instance's own when it has them), the guests of the marker it carries and its room, each once.
    func expectedNeeds(_ meeting: Meeting) -> [String] {
        guard let structure = structures.first(where: { $0.id == meeting.instance.structureID }) else { return [] }
        let unit = structure.perUnit ? units.first { $0.id == meeting.instance.instanceID } : nil
        let override = structure.overrides.first { $0.unit == unit?.id }
        var ids: [String] = []
        ids.append(structure.leader == "unit-head" ? (unit?.id ?? "?") : structure.leader)
        if let unit { ids.append(unit.id) }
        ids += override?.participants ?? structure.participants
        if meeting.markers.contains(where: { $0.id == "merke" }) { ids += structure.marker?.guests ?? [] }
        let place = override?.location ?? structure.location ?? unit?.location
        if let place, place == room?.id { ids.append(place) }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
