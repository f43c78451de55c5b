/// Who uses each resource, and when: every occurrence of every choice and every fixed meeting, filed
/// under the resources it takes, in one pass over the problem.
struct ResourceUses {
    /// An occurrence filed under one resource: its own time, and whose it is (nil: a fixed meeting).
    struct Use {
        var start: Int
        var end: Int
        var owner: Owner?
    }

    /// A choice of an instance, by index.
    struct Owner: Hashable {
        var instance: Int
        var choice: Int
    }

    /// The uses of each resource, in the problem's resource order.
    let uses: [[Use]]

    init(_ problem: PlacementProblem) {
        var index: [String: Int] = [:]
        for (r, resource) in problem.resources.enumerated() { index[resource.id] = r }
        var uses = Array(repeating: [Use](), count: problem.resources.count)
        for (i, instance) in problem.instances.enumerated() {
            for (c, choice) in instance.choices.enumerated() {
                for occurrence in choice.occurrences {
                    for id in occurrence.resources {
                        guard let r = index[id] else { continue }  // validation rules unknown ids out
                        uses[r].append(Use(start: occurrence.start, end: occurrence.end, owner: Owner(instance: i, choice: c)))
                    }
                }
            }
        }
        for occurrence in problem.fixed {
            for id in occurrence.resources {
                guard let r = index[id] else { continue }
                uses[r].append(Use(start: occurrence.start, end: occurrence.end, owner: nil))
            }
        }
        self.uses = uses
    }
}
