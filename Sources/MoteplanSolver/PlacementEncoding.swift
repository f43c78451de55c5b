import CZ3

/// The problem as Z3 terms: a Boolean x[i][c] per instance i and choice c, the unconditional
/// "at most one choice" per instance, the hard groups (named as in `PlacementProblem`'s
/// documentation), and the soft terms with their weights. Both the feasibility check and the
/// optimisation assert these same terms.
struct PlacementEncoding {
    /// A named set of hard constraints that an unsat core can point at.
    struct Group {
        /// `choose:<instance id>`, `pinned:<instance id>`, `capacity:<resource id>` or `unavailable:<resource id>`.
        var name: String
        var constraints: [Z3_ast]
    }

    /// A term the optimiser would like true, and what it costs when false.
    struct Soft {
        var term: Z3_ast
        var weight: Int
    }

    /// x[i][c]: instance i takes choice c.
    let choices: [[Z3_ast]]
    /// At most one choice per instance: always asserted, never part of a core.
    let atMostOne: [Z3_ast]
    /// The hard groups, in core order: choose, pinned, capacity, unavailable, each in problem order;
    /// groups without constraints are left out.
    let groups: [Group]
    /// The soft terms: penalties, changes from the published choice, soft limits.
    let softs: [Soft]

    init(_ problem: PlacementProblem, in context: Z3Context) throws(PlacementError) {
        var choices: [[Z3_ast]] = []
        var atMostOne: [Z3_ast] = []
        var choose: [Group] = []
        var pinned: [Group] = []
        for (i, instance) in problem.instances.enumerated() {
            var row: [Z3_ast] = []
            for c in instance.choices.indices { row.append(try context.boolean("x!\(i)!\(c)")) }
            choices.append(row)
            if row.count > 1 { atMostOne.append(try context.atMost(1, of: row)) }
            choose.append(Group(name: "choose:\(instance.id)", constraints: [try context.or(row)]))
            if let index = instance.pinned {
                pinned.append(Group(name: "pinned:\(instance.id)", constraints: [row[index]]))
            }
        }

        var capacity: [Group] = []
        var unavailable: [Group] = []
        for resource in problem.resources {
            let windows = CapacityWindows(
                of: resource.id, capacity: resource.capacity, buffer: resource.bufferMinutes, in: problem)
            var sums: [Z3_ast] = []
            for window in windows.windows {
                let terms = window.terms.map { choices[$0.instance][$0.choice] }
                sums.append(try context.weightedAtMost(window.bound, of: terms, coefficients: window.terms.map(\.count)))
            }
            if !sums.isEmpty { capacity.append(Group(name: "capacity:\(resource.id)", constraints: sums)) }

            var forbidden: [Z3_ast] = []
            for (i, instance) in problem.instances.enumerated() {
                for (c, choice) in instance.choices.enumerated() where Self.meets(choice, whileAway: resource) {
                    forbidden.append(try context.not(choices[i][c]))
                }
            }
            if !forbidden.isEmpty { unavailable.append(Group(name: "unavailable:\(resource.id)", constraints: forbidden)) }
        }

        var softs: [Soft] = []
        for (i, instance) in problem.instances.enumerated() {
            for (c, choice) in instance.choices.enumerated() where choice.penalty > 0 {
                softs.append(Soft(term: try context.not(choices[i][c]), weight: choice.penalty))
            }
            if let published = instance.published, instance.changeWeight > 0 {
                softs.append(Soft(term: choices[i][published], weight: instance.changeWeight))
            }
        }
        for limit in problem.softLimits where limit.weight > 0 && limit.members.count > limit.atMost {
            let members = limit.members.map { choices[$0.instance][$0.choice] }
            softs.append(Soft(term: try context.atMost(limit.atMost, of: members), weight: limit.weight))
        }

        self.choices = choices
        self.atMostOne = atMostOne
        self.groups = choose + pinned + capacity + unavailable
        self.softs = softs
    }

    /// Whether an occurrence of `choice` that uses `resource` overlaps one of its unavailable intervals.
    private static func meets(_ choice: PlacementProblem.Choice, whileAway resource: PlacementProblem.Resource) -> Bool {
        choice.occurrences.contains { occurrence in
            occurrence.resources.contains(resource.id)
                && resource.unavailable.contains { $0.overlaps(occurrence.interval) }
        }
    }

    /// The choice index per instance that `model` takes; fails unless exactly one per instance.
    func placement(in model: Z3_model, context: Z3Context) throws(PlacementError) -> [Int] {
        var placement: [Int] = []
        for (i, row) in choices.enumerated() {
            var taken: [Int] = []
            for (c, term) in row.enumerated() {
                if try context.isTrue(term, in: model) { taken.append(c) }
            }
            guard taken.count == 1, let only = taken.first else {
                throw .solverFailure("the model takes \(taken.count) choices of instance \(i), not one")
            }
            placement.append(only)
        }
        return placement
    }
}
