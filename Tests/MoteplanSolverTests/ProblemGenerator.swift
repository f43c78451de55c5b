import MoteplanSolver

/// SplitMix64: a tiny generator whose numbers depend on the seed alone (not on the platform or the
/// standard library's sampling), so every generated problem is the same on every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range` (modulo bias is irrelevant here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    /// One element of a non-empty array.
    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    /// `count` distinct elements of `values`, in the order drawn.
    mutating func distinct<T>(_ count: Int, of values: [T]) -> [T] {
        var pool = values
        var drawn: [T] = []
        for _ in 0..<min(count, pool.count) { drawn.append(pool.remove(at: int(0...(pool.count - 1)))) }
        return drawn
    }
}

/// Small random placement problems with every feature: buffers, unavailability, pins, published
/// choices with change weights, fixed meetings and soft limits. Sizes are chosen so that about half
/// are infeasible. Times lie on a grid of half hours, so meetings often touch or overlap.
enum ProblemGenerator {
    /// A problem of 3 to 7 instances over two days; `crowded`: 5 to 8 instances in one morning, with
    /// one occurrence per choice and no unavailability, so that clashes involve several instances.
    static func problem(seed: UInt64, crowded: Bool = false) -> PlacementProblem {
        var random = SplitMix64(seed: seed)
        let day = 1440
        let days = crowded ? 0...0 : 0...1
        let slots = crowded ? 0...5 : 0...14
        func start() -> Int { random.int(days) * day + 480 + random.int(slots) * 30 }

        let resources = (0..<random.int(crowded ? 2...3 : 2...4)).map { r in
            PlacementProblem.Resource(
                id: "r\(r)", capacity: random.int(1...2), bufferMinutes: random.pick([0, 0, 15, 30]),
                unavailable: (0..<(!crowded && random.chance(40) ? random.int(1...2) : 0)).map { _ in
                    let from = start()
                    return .init(start: from, end: from + random.int(1...4) * 30)
                })
        }
        let ids = resources.map(\.id)
        func occurrence() -> PlacementProblem.Occurrence {
            let from = start()
            let count = crowded ? 1 : random.int(1...2)
            return .init(start: from, end: from + random.pick([30, 45, 60, 90]), resources: random.distinct(count, of: ids))
        }

        var instances: [PlacementProblem.Instance] = []
        for i in 0..<random.int(crowded ? 5...8 : 3...7) {
            let choices = (0..<random.int(1...4)).map { c in
                PlacementProblem.Choice(
                    id: "i\(i)c\(c)", penalty: random.pick([0, 0, 1, 2, 3, 5]),
                    occurrences: (0..<random.int(crowded ? 1...1 : 1...2)).map { _ in occurrence() })
            }
            var instance = PlacementProblem.Instance(id: "instance-\(i)", choices: choices)
            if random.chance(crowded ? 5 : 15) { instance.pinned = random.int(0...(choices.count - 1)) }
            if random.chance(30) {
                instance.published = random.int(0...(choices.count - 1))
                instance.changeWeight = random.int(1...5)
            }
            instances.append(instance)
        }
        let fixed = (0..<random.int(0...2)).map { _ in
            let from = start()
            return PlacementProblem.Occurrence(start: from, end: from + 60, resources: [random.pick(ids)])
        }
        let members = instances.enumerated().flatMap { i, instance in
            instance.choices.indices.map { PlacementProblem.Member(instance: i, choice: $0) }
        }
        let softLimits = (0..<random.int(0...2)).map { l in
            PlacementProblem.SoftLimit(
                name: "limit \(l)", weight: random.int(1...6), atMost: random.int(0...1),
                members: random.distinct(random.int(2...4), of: members))
        }
        return PlacementProblem(resources: resources, instances: instances, fixed: fixed, softLimits: softLimits)
    }
}
