/// Finds every window in which a resource is needed beyond what it can take, by a sweep over
/// each resource's sorted intervals (linear after sorting, never all pairs).
///
/// The rules, exactly (the oracle in Tests implements them independently, minute by minute):
/// - A meeting needs the resources in `Meeting.needs`; cancelled meetings need nothing.
/// - Capacity: a person (role or unit) is occupied from a meeting's start until `buffer_minutes`
///   after its end; a room from start to end. A capacity window is a maximal stretch of time in
///   which more meetings occupy the resource than its capacity; `needed` is the most at one moment.
/// - Unavailability: a window is a maximal stretch of time in which at least one meeting (start
///   to end, no buffer) falls in the resource's unavailable time; capacity 0, `needed` the most
///   meetings at one moment.
/// - A window's meetings are those occupying the resource at some moment of it.
public struct ConflictFinder: Sendable {
    /// The configuration: capacities, unavailability, buffers.
    public let configuration: Configuration
    /// The UIDs' domain.
    let domain: String

    /// Creates a finder for `configuration`.
    public init(configuration: Configuration) {
        self.configuration = configuration
        domain = configuration.municipality.uidDomain
    }

    /// Every conflict among `meetings`, ordered by resource (config order: roles, units,
    /// locations), then start; only windows starting within `from`…`to` and for `resource` when given.
    public func conflicts(in meetings: [Meeting], from: LocalDate? = nil, to: LocalDate? = nil, resource only: String? = nil) -> [Conflict] {
        var byResource: [String: [Int]] = [:]
        for index in meetings.indices where !meetings[index].isCancelled {
            for id in meetings[index].needs where only == nil || id == only {
                byResource[id, default: []].append(index)
            }
        }
        var found: [Conflict] = []
        for id in configuration.resourceIDs {
            guard let indices = byResource[id], let resource = configuration.resource(id) else { continue }
            let buffer = resource.isPerson ? configuration.scheduling.bufferMinutes : 0
            // Each kind comes out of its own sweep; interleave them by start, as documented
            // (unavailable time first when both start at once).
            let windows = unavailableWindows(id, indices, meetings, resource.availability)
                + capacityWindows(id, indices, meetings, capacity: resource.availability.capacity, buffer: buffer)
            found += windows.sorted { ($0.start, $0.capacity) < ($1.start, $1.capacity) }
        }
        return found.filter { conflict in
            (from.map { conflict.start.date >= $0 } ?? true) && (to.map { conflict.start.date <= $0 } ?? true)
        }
    }

    /// Windows where more than `capacity` meetings occupy the resource.
    private func capacityWindows(_ id: String, _ indices: [Int], _ meetings: [Meeting], capacity: Int, buffer: Int) -> [Conflict] {
        // Fields read in place: copying a Meeting (strings, arrays) per interval cost more than the sweep.
        let intervals = indices.map { index -> (Int, Int, Int) in
            (WallMinutes.of(meetings[index].date, meetings[index].start), WallMinutes.of(meetings[index].date, meetings[index].end) + buffer, index)
        }
        return sweep(id, intervals, meetings, capacity: capacity, threshold: capacity)
    }

    /// Windows where meetings fall in the resource's unavailable time.
    private func unavailableWindows(_ id: String, _ indices: [Int], _ meetings: [Meeting], _ availability: Availability) -> [Conflict] {
        guard !availability.unavailable.isEmpty else { return [] }
        var hits: [(Int, Int, Int)] = []
        for index in indices {
            let meeting = meetings[index]
            let start = meeting.start.minutesSinceMidnight
            let end = meeting.end.minutesSinceMidnight
            // The blocked parts of the meeting's day, merged, each clipped to the meeting.
            let blocked = availability.unavailable.compactMap { $0.blocked(on: meeting.date) }.sorted { $0.lowerBound < $1.lowerBound }
            var merged: [Range<Int>] = []
            for range in blocked {
                if let last = merged.last, range.lowerBound <= last.upperBound {
                    merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
                } else {
                    merged.append(range)
                }
            }
            let day = meeting.date.daysSinceEpoch * 24 * 60
            for range in merged where range.lowerBound < end && start < range.upperBound {
                hits.append((day + max(start, range.lowerBound), day + min(end, range.upperBound), index))
            }
        }
        return sweep(id, hits, meetings, capacity: 0, threshold: 0)
    }

    /// Maximal stretches where more than `threshold` of the half-open intervals overlap.
    private func sweep(_ id: String, _ intervals: [(Int, Int, Int)], _ meetings: [Meeting], capacity: Int, threshold: Int) -> [Conflict] {
        guard intervals.count > threshold else { return [] }
        // Ends before starts at the same minute: back-to-back intervals do not overlap.
        var events: [(time: Int, delta: Int, index: Int)] = []
        events.reserveCapacity(intervals.count * 2)
        for (start, end, index) in intervals where end > start {
            events.append((start, 1, index))
            events.append((end, -1, index))
        }
        events.sort { ($0.time, $0.delta, $0.index) < ($1.time, $1.delta, $1.index) }
        var result: [Conflict] = []
        var active: [Int: Int] = [:]
        var load = 0
        var open: (start: Int, peak: Int, members: Set<Int>)?
        var position = 0
        while position < events.count {
            let time = events[position].time
            // Apply every event at this minute, then look at the load from here on.
            var starting: [Int] = []
            while position < events.count && events[position].time == time {
                let event = events[position]
                load += event.delta
                active[event.index, default: 0] += event.delta
                if active[event.index] == 0 { active[event.index] = nil }
                if event.delta > 0 { starting.append(event.index) }
                position += 1
            }
            if load > threshold {
                if var window = open {
                    // Only a window that goes on past this minute gains the meetings starting now;
                    // one that closes here ended before they began.
                    window.peak = max(window.peak, load)
                    window.members.formUnion(starting)
                    open = window
                } else {
                    open = (time, load, Set(active.keys))
                }
            } else if let window = open {
                result.append(conflict(id, window.start, time, capacity, window.peak, window.members, meetings))
                open = nil
            }
        }
        return result
    }

    private func conflict(_ id: String, _ start: Int, _ end: Int, _ capacity: Int, _ needed: Int, _ members: Set<Int>, _ meetings: [Meeting]) -> Conflict {
        Conflict(
            resource: id, start: WallMinutes.dateTime(start), end: WallMinutes.dateTime(end), capacity: capacity, needed: needed,
            uids: members.map { meetings[$0].uid(domain: domain) }.sorted(),
            structures: Set(members.map { meetings[$0].instance.structureID }).sorted())
    }
}
