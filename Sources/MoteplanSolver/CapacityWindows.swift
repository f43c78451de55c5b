/// The capacity constraints of one resource, as sums over choices: for each occurrence start t, the
/// occurrences whose [start, end + buffer) contains t, grouped by the choice they belong to.
///
/// Only what can matter is kept: a window that no placement can overfill (each instance at its
/// worst choice, plus the fixed meetings, stays within capacity: "exactly one choice" is always
/// asserted) is dropped, and a window equal to an earlier one is kept once.
struct CapacityWindows {
    /// One sum: Σ count·x[instance, choice] ≤ bound, where bound = capacity − fixed meetings counted.
    struct Window: Hashable {
        /// (instance, choice, number of its occurrences counted), ordered by instance and choice.
        var terms: [Term]
        /// The capacity left after the fixed meetings; negative when they alone overfill it.
        var bound: Int
    }

    /// A choice and how many of its occurrences a window counts.
    struct Term: Hashable {
        var instance: Int
        var choice: Int
        var count: Int
    }

    /// The windows that can be overfilled, in time order.
    private(set) var windows: [Window] = []

    /// The windows of `resource`; `buffer` is the resource's buffer in minutes.
    init(of resourceID: String, capacity: Int, buffer: Int, in problem: PlacementProblem) {
        // Who counts against the resource, and over which minutes: [start, end + buffer).
        struct Use {
            var start: Int
            var end: Int
            var owner: (instance: Int, choice: Int)?
        }
        var uses: [Use] = []
        for (i, instance) in problem.instances.enumerated() {
            for (c, choice) in instance.choices.enumerated() {
                for occurrence in choice.occurrences where occurrence.resources.contains(resourceID) {
                    uses.append(Use(start: occurrence.start, end: occurrence.end + buffer, owner: (i, c)))
                }
            }
        }
        for occurrence in problem.fixed where occurrence.resources.contains(resourceID) {
            uses.append(Use(start: occurrence.start, end: occurrence.end + buffer, owner: nil))
        }
        uses.sort { ($0.start, $0.end) < ($1.start, $1.end) }

        // A sweep over the distinct starts, keeping the uses that have begun and not yet ended.
        var seen = Set<Window>()
        var active: [Use] = []
        var next = 0
        while next < uses.count {
            let t = uses[next].start
            while next < uses.count, uses[next].start == t {
                active.append(uses[next])
                next += 1
            }
            active.removeAll { $0.end <= t }
            var fixedCount = 0
            var counts: [Pair: Int] = [:]
            for use in active {
                if let owner = use.owner {
                    counts[Pair(instance: owner.instance, choice: owner.choice), default: 0] += 1
                } else {
                    fixedCount += 1
                }
            }
            let bound = capacity - fixedCount
            // The most an instance can add is its worst choice here; exactly one choice is taken.
            var worst: [Int: Int] = [:]
            for (pair, count) in counts { worst[pair.instance] = max(worst[pair.instance] ?? 0, count) }
            guard worst.values.reduce(0, +) > bound else { continue }
            let terms = counts.map { Term(instance: $0.key.instance, choice: $0.key.choice, count: $0.value) }
                .sorted { ($0.instance, $0.choice) < ($1.instance, $1.choice) }
            let window = Window(terms: terms, bound: bound)
            if seen.insert(window).inserted { windows.append(window) }
        }
    }

    private struct Pair: Hashable {
        var instance: Int
        var choice: Int
    }
}
