import MoteplanSolver

/// A district-sized problem (tens of instances sharing a PPT and a health station, each on its own
/// unit), with many placements of the same cost: the case where an unstable solver would show it.
enum DistrictGenerator {
    static func problem(seed: UInt64, instances count: Int = 40) -> PlacementProblem {
        var random = SplitMix64(seed: seed)
        let day = 1440
        let week = 7 * day
        var resources = [
            PlacementProblem.Resource(id: "ppt", capacity: 2, bufferMinutes: 15),
            PlacementProblem.Resource(id: "helsestasjon", capacity: 2, unavailable: [.init(start: 2 * day, end: 3 * day)]),
        ]
        var instances: [PlacementProblem.Instance] = []
        var byWeekday: [[PlacementProblem.Member]] = Array(repeating: [], count: 5)
        for i in 0..<count {
            let unit = "unit-\(i)"
            resources.append(.init(id: unit, capacity: 1))
            let needs = random.chance(50) ? [unit, "ppt", "helsestasjon"] : [unit, "ppt"]
            let patterns = random.distinct(8, of: Array(0..<20))
            let choices = patterns.enumerated().map { c, pattern in
                let (weekday, slot) = (pattern / 4, pattern % 4)
                let start = weekday * day + 480 + slot * 120
                byWeekday[weekday].append(.init(instance: i, choice: c))
                return PlacementProblem.Choice(
                    id: "weekday \(weekday) slot \(slot)", penalty: random.pick([0, 0, 0, 1, 2]),
                    occurrences: (0..<4).map { .init(start: start + $0 * week, end: start + $0 * week + 90, resources: needs) })
            }
            var instance = PlacementProblem.Instance(id: "team-\(i)", choices: choices)
            if random.chance(25) {
                instance.published = random.int(0...7)
                instance.changeWeight = 3
            }
            instances.append(instance)
        }
        let limits = byWeekday.enumerated().map { weekday, members in
            PlacementProblem.SoftLimit(name: "spread weekday \(weekday)", weight: 2, atMost: count / 5, members: members)
        }
        return PlacementProblem(resources: resources, instances: instances, softLimits: limits)
    }
}
