/// The capacity constraints of one resource, as sums over choices: for each occurrence start t, the
/// occurrences whose [start, end + buffer) contains t, grouped by the choice they belong to.
///
/// Only what can matter is kept: a window that no placement can overfill (each instance at its
/// worst choice, plus the fixed meetings, stays within capacity: "at most one choice" always
/// holds) is dropped, and a window equal to an earlier one is kept once.
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
        var owner: ResourceUses.Owner
        var count: Int
    }

    /// The windows that can be overfilled, in time order.
    private(set) var windows: [Window] = []

    /// The windows of a resource of `capacity` and `buffer` minutes, from its `uses`.
    init(capacity: Int, buffer: Int, uses: [ResourceUses.Use]) {
        let uses = uses.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        // A sweep over the distinct starts, keeping the uses that have begun and not yet ended
        // (counting the buffer).
        var seen = Set<Window>()
        var active: [ResourceUses.Use] = []
        var next = 0
        while next < uses.count {
            let t = uses[next].start
            while next < uses.count, uses[next].start == t {
                active.append(uses[next])
                next += 1
            }
            active.removeAll { $0.end + buffer <= t }
            var fixedCount = 0
            var counts: [ResourceUses.Owner: Int] = [:]
            for use in active {
                if let owner = use.owner { counts[owner, default: 0] += 1 } else { fixedCount += 1 }
            }
            let bound = capacity - fixedCount
            // The most an instance can add is its worst choice here; it takes at most one.
            var worst: [Int: Int] = [:]
            for (owner, count) in counts { worst[owner.instance] = max(worst[owner.instance] ?? 0, count) }
            guard worst.values.reduce(0, +) > bound else { continue }
            let terms = counts.map { Term(owner: $0.key, count: $0.value) }
                .sorted { ($0.owner.instance, $0.owner.choice) < ($1.owner.instance, $1.owner.choice) }
            let window = Window(terms: terms, bound: bound)
            if seen.insert(window).inserted { windows.append(window) }
        }
    }
}
