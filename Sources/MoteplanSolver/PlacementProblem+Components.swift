extension PlacementProblem {
    /// A part of a problem that shares nothing with the rest: no resource, no soft limit.
    struct Component {
        /// The part as a problem of its own (instances, resources and soft limits renumbered).
        var problem: PlacementProblem
        /// For each of its instances, the index in the whole problem.
        var instances: [Int]
    }

    /// The problem split into independent parts, so each is solved (and its optimum proven) on its
    /// own: instances are together when they use a common resource or are members of a common soft
    /// limit. A last part without instances holds the resources that only fixed meetings use (they
    /// can still be overfull). Instances, resources and soft limits keep their order within a part,
    /// parts are ordered by their first instance, so cores and placements read as for the whole.
    func components() -> [Component] {
        var parent = Array(instances.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        func join(_ a: Int, _ b: Int) {
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var firstUser: [String: Int] = [:]
        for (i, instance) in instances.enumerated() {
            for occurrence in instance.choices.flatMap(\.occurrences) {
                for id in occurrence.resources {
                    if let other = firstUser[id] { join(other, i) } else { firstUser[id] = i }
                }
            }
        }
        for limit in softLimits {
            for member in limit.members.dropFirst() { join(limit.members[0].instance, member.instance) }
        }

        var members: [Int: [Int]] = [:]
        for i in instances.indices { members[root(i), default: []].append(i) }
        var parts = members.keys.sorted().map { key in
            part(of: members[key] ?? [], resources: Set(resources.map(\.id).filter { firstUser[$0].map(root) == key }))
        }
        let fixedOnly = Set(resources.map(\.id).filter { firstUser[$0] == nil })
        if fixed.contains(where: { $0.resources.contains(where: fixedOnly.contains) }) {
            parts.append(part(of: [], resources: fixedOnly))
        }
        return parts
    }

    /// The part with `chosen` instances (in order) and the resources in `used`.
    private func part(of chosen: [Int], resources used: Set<String>) -> Component {
        var local: [Int: Int] = [:]
        for (k, i) in chosen.enumerated() { local[i] = k }
        let limits = softLimits.compactMap { limit -> SoftLimit? in
            guard let first = limit.members.first, local[first.instance] != nil else { return nil }
            var copy = limit
            copy.members = limit.members.map { Member(instance: local[$0.instance] ?? 0, choice: $0.choice) }
            return copy
        }
        let meetings = fixed.compactMap { occurrence -> Occurrence? in
            let kept = occurrence.resources.filter(used.contains)
            return kept.isEmpty ? nil : Occurrence(start: occurrence.start, end: occurrence.end, resources: kept)
        }
        return Component(
            problem: PlacementProblem(
                resources: resources.filter { used.contains($0.id) }, instances: chosen.map { instances[$0] },
                fixed: meetings, softLimits: limits),
            instances: chosen)
    }
}
