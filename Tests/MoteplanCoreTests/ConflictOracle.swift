import Testing
import MoteplanCore

/// A second, deliberately naive implementation of the conflict rules, written from the rules
/// (ConflictFinder's doc comment and the README), not from ConflictFinder's code. It marks every
/// minute each resource is occupied and reads the windows off as maximal runs of minutes, so it is
/// slow but hard to get wrong. Tests compare ConflictFinder with it.
///
/// The rules it implements:
/// - A meeting needs the resources in `needs`; a cancelled meeting needs nothing.
/// - Capacity: a person (role or unit) is occupied from a meeting's start until `buffer_minutes`
///   after its end; a room (location) from start to end. A window is a maximal run of minutes in
///   which more meetings occupy the resource than its capacity; `needed` is the most at one minute.
/// - Unavailability: a window is a maximal run of minutes in which at least one meeting (start to
///   end, no buffer) lies in the resource's unavailable time; capacity 0; `needed` is the most of
///   those meetings (start to end) at one minute of the run.
/// - A window's meetings are those occupying the resource at some minute of it (for unavailability
///   windows, the meetings lying in unavailable time, without buffer).
/// - Order: resources as the config lists them (roles, units, locations), then by start.
struct ConflictOracle {
    /// One window, as comparable to `Conflict`.
    struct Window: Hashable, CustomStringConvertible {
        var resource: String
        var start: String
        var end: String
        var capacity: Int
        var needed: Int
        var uids: [String]
        var structures: [String]

        var description: String {
            "\(resource) \(start)–\(end) cap \(capacity) needed \(needed) [\(uids.joined(separator: " "))]"
        }

        init(resource: String, start: String, end: String, capacity: Int, needed: Int, uids: [String], structures: [String]) {
            self.resource = resource
            self.start = start
            self.end = end
            self.capacity = capacity
            self.needed = needed
            self.uids = uids
            self.structures = structures
        }

        /// A finder's conflict in the same shape.
        init(_ conflict: Conflict) {
            self.init(
                resource: conflict.resource, start: conflict.start.description, end: conflict.end.description,
                capacity: conflict.capacity, needed: conflict.needed, uids: conflict.uids, structures: conflict.structures)
        }
    }

    let configuration: Configuration

    /// Minutes per day.
    static let day = 24 * 60

    /// Every window among `meetings`, in the documented order.
    func windows(in meetings: [Meeting]) -> [Window] {
        var result: [Window] = []
        let people = configuration.roles.map { ($0.id, $0.availability) }
            + configuration.units.map { ($0.id, $0.head.availability) }
        let rooms = configuration.locations.map { ($0.id, $0.availability) }
        let resources = people.map { ($0.0, $0.1, true) } + rooms.map { ($0.0, $0.1, false) }
        for (id, availability, isPerson) in resources {
            let using = meetings.indices.filter { !meetings[$0].isCancelled && meetings[$0].needs.contains(id) }
            if using.isEmpty { continue }
            var found = capacityWindows(id, availability.capacity, buffer: isPerson ? configuration.scheduling.bufferMinutes : 0, using, meetings)
            found += unavailableWindows(id, availability.unavailable, using, meetings)
            found.sort { ($0.start, $0.capacity, $0.end) < ($1.start, $1.capacity, $1.end) }
            result += found
        }
        return result
    }

    /// A meeting's first minute and the minute after its last, counted from 1970-01-01 00:00.
    private func span(_ meeting: Meeting) -> (Int, Int) {
        let base = meeting.date.daysSinceEpoch * Self.day
        return (base + meeting.start.hour * 60 + meeting.start.minute, base + meeting.end.hour * 60 + meeting.end.minute)
    }

    private func capacityWindows(_ id: String, _ capacity: Int, buffer: Int, _ using: [Int], _ meetings: [Meeting]) -> [Window] {
        var occupied: [Int: Set<Int>] = [:]
        for index in using {
            let (first, end) = span(meetings[index])
            guard end + buffer > first else {
                Issue.record("\(meetings[index].identity) on \(meetings[index].date) ends (\(meetings[index].end)) before it starts (\(meetings[index].start))")
                continue
            }
            for minute in first..<(end + buffer) { occupied[minute, default: []].insert(index) }
        }
        let over = occupied.filter { $0.value.count > capacity }
        return runs(Set(over.keys)).map { run in
            window(id, run, capacity: capacity, at: { occupied[$0] ?? [] }, meetings)
        }
    }

    private func unavailableWindows(_ id: String, _ unavailable: [Unavailability], _ using: [Int], _ meetings: [Meeting]) -> [Window] {
        guard !unavailable.isEmpty else { return [] }
        // Minute → the meetings lying there, when the minute is unavailable.
        var blocked: [Int: Set<Int>] = [:]
        for index in using {
            let meeting = meetings[index]
            let (first, end) = span(meeting)
            for minute in first..<end where isUnavailable(minute, unavailable) {
                blocked[minute, default: []].insert(index)
            }
        }
        return runs(Set(blocked.keys)).map { run in
            window(id, run, capacity: 0, at: { blocked[$0] ?? [] }, meetings)
        }
    }

    /// Whether the minute (from the epoch) falls in any of the unavailable times.
    private func isUnavailable(_ minute: Int, _ unavailable: [Unavailability]) -> Bool {
        let dayNumber = minute >= 0 ? minute / Self.day : (minute - Self.day + 1) / Self.day
        let date = LocalDate(daysSinceEpoch: dayNumber)
        let ofDay = minute - dayNumber * Self.day
        for entry in unavailable {
            switch entry {
            case .weekly(let weekday, let from, let to):
                guard date.weekday == weekday else { continue }
                let lower = from.map { $0.hour * 60 + $0.minute } ?? 0
                let upper = to.map { $0.hour * 60 + $0.minute } ?? Self.day
                if lower <= ofDay && ofDay < upper { return true }
            case .days(let range):
                if range.first <= date && date <= range.last { return true }
            }
        }
        return false
    }

    /// Maximal runs of consecutive minutes, as (first, last) inclusive, in order.
    private func runs(_ minutes: Set<Int>) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        for minute in minutes.sorted() {
            if let last = result.last, last.1 + 1 == minute {
                result[result.count - 1].1 = minute
            } else {
                result.append((minute, minute))
            }
        }
        return result
    }

    private func window(_ id: String, _ run: (Int, Int), capacity: Int, at: (Int) -> Set<Int>, _ meetings: [Meeting]) -> Window {
        var members = Set<Int>()
        var needed = 0
        for minute in run.0...run.1 {
            let here = at(minute)
            needed = max(needed, here.count)
            members.formUnion(here)
        }
        let domain = configuration.municipality.uidDomain
        return Window(
            resource: id, start: Self.text(run.0), end: Self.text(run.1 + 1), capacity: capacity, needed: needed,
            uids: members.map { meetings[$0].uid(domain: domain) }.sorted(),
            structures: Set(members.map { meetings[$0].instance.structureID }).sorted())
    }

    /// A minute from the epoch as local `YYYY-MM-DDTHH:MM`.
    static func text(_ minute: Int) -> String {
        let dayNumber = minute >= 0 ? minute / day : (minute - day + 1) / day
        let ofDay = minute - dayNumber * day
        let hh = ofDay / 60, mm = ofDay % 60
        return "\(LocalDate(daysSinceEpoch: dayNumber))T\(hh < 10 ? "0" : "")\(hh):\(mm < 10 ? "0" : "")\(mm)"
    }
}

extension ConflictFinder {
    /// The finder's conflicts in the oracle's shape.
    func windows(in meetings: [Meeting]) -> [ConflictOracle.Window] {
        conflicts(in: meetings).map(ConflictOracle.Window.init)
    }
}
