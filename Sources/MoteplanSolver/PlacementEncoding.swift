internal import CZ3

/// The problem as Z3 terms: a Boolean x[i][c] per instance i and choice c, the unconditional
/// "at most one choice" per instance, the hard groups (named as in `PlacementProblem`'s
/// documentation), and the cost as weighted literals.
///
/// The constraints are pseudo-boolean (`Z3_mk_atmost`, `Z3_mk_pble`). Each sum also has a linear
/// form (`Linear`) that can be asserted as integer arithmetic beside it: CDCL over pseudo-boolean
/// constraints cannot count (60 meetings for 40 slots takes it minutes and more), the simplex sees
/// it at once. The arithmetic copy costs time on large satisfiable problems, so it is only used
/// when the Boolean check runs out of budget (see `PlacementSolver`).
struct PlacementEncoding {
    /// Σ coefficients·[terms] ≤ bound (≥ when `atLeast`), kept as data until asserted as arithmetic.
    struct Linear {
        var terms: [Z3_ast]
        var coefficients: [Int]
        var bound: Int
        var atLeast: Bool
    }

    /// A named set of hard constraints that an unsat core can point at.
    struct Group {
        /// Which rule the group holds.
        enum Kind { case choose, pinned, capacity, unavailable }

        var kind: Kind
        /// `choose:<instance id>`, `pinned:<instance id>`, `capacity:<resource id>` or `unavailable:<resource id>`.
        var name: String
        /// The pseudo-boolean (or unit) constraints.
        var constraints: [Z3_ast]
        /// The sums among them, for the arithmetic copy.
        var linear: [Linear]
    }

    /// x[i][c]: instance i takes choice c.
    let choices: [[Z3_ast]]
    /// At most one choice per instance: always asserted, never part of a core.
    let atMostOne: [Z3_ast]
    /// The same as sums, for the arithmetic copy.
    let atMostOneLinear: [Linear]
    /// The hard groups, in core order: choose, pinned, capacity, unavailable, each in problem order;
    /// groups without constraints are left out.
    let groups: [Group]
    /// The cost is Σ costWeights[k]·costLiterals[k]: x for a penalised choice, ¬x for the published
    /// choice, and per soft limit a literal v that `costDefinitions` lets be false only while the
    /// limit holds (v ∨ at most `at_most` members). Minimising the sum minimises the cost of
    /// `PlacementCost`: an optimum never sets v without need.
    let costLiterals: [Z3_ast]
    let costWeights: [Int]
    let costDefinitions: [Z3_ast]
    /// The soft limits' sums with their literal v, for the arithmetic copy of `costDefinitions`.
    let costDefinitionsLinear: [(over: Z3_ast, sum: Linear)]

    init(_ problem: PlacementProblem, in context: Z3Context) throws(PlacementError) {
        var choices: [[Z3_ast]] = []
        var atMostOne: [Z3_ast] = []
        var atMostOneLinear: [Linear] = []
        var choose: [Group] = []
        var pinned: [Group] = []
        for (i, instance) in problem.instances.enumerated() {
            var row: [Z3_ast] = []
            for c in instance.choices.indices { row.append(try context.boolean("x!\(i)!\(c)")) }
            choices.append(row)
            let ones = Array(repeating: 1, count: row.count)
            if row.count > 1 {
                atMostOne.append(try context.atMost(1, of: row))
                atMostOneLinear.append(Linear(terms: row, coefficients: ones, bound: 1, atLeast: false))
            }
            choose.append(
                Group(
                    kind: .choose, name: "choose:\(instance.id)", constraints: [try context.or(row)],
                    linear: [Linear(terms: row, coefficients: ones, bound: 1, atLeast: true)]))
            if let index = instance.pinned {
                pinned.append(Group(kind: .pinned, name: "pinned:\(instance.id)", constraints: [row[index]], linear: []))
            }
        }

        var capacity: [Group] = []
        var unavailable: [Group] = []
        let uses = ResourceUses(problem)
        for (r, resource) in problem.resources.enumerated() {
            let windows = CapacityWindows(capacity: resource.capacity, buffer: resource.bufferMinutes, uses: uses.uses[r])
            var sums: [Z3_ast] = []
            var linear: [Linear] = []
            for window in windows.windows {
                let terms = window.terms.map { choices[$0.owner.instance][$0.owner.choice] }
                let counts = window.terms.map(\.count)
                sums.append(try context.weightedAtMost(window.bound, of: terms, coefficients: counts))
                linear.append(Linear(terms: terms, coefficients: counts, bound: window.bound, atLeast: false))
            }
            if !sums.isEmpty { capacity.append(Group(kind: .capacity, name: "capacity:\(resource.id)", constraints: sums, linear: linear)) }

            // Choices with an occurrence on the resource while it is away, each once, in problem order.
            var forbidden = Set<ResourceUses.Owner>()
            for use in uses.uses[r] {
                guard let owner = use.owner else { continue }
                let interval = PlacementProblem.Interval(start: use.start, end: use.end)
                if resource.unavailable.contains(where: { $0.overlaps(interval) }) { forbidden.insert(owner) }
            }
            var negations: [Z3_ast] = []
            for owner in forbidden.sorted(by: { ($0.instance, $0.choice) < ($1.instance, $1.choice) }) {
                negations.append(try context.not(choices[owner.instance][owner.choice]))
            }
            if !negations.isEmpty {
                unavailable.append(Group(kind: .unavailable, name: "unavailable:\(resource.id)", constraints: negations, linear: []))
            }
        }

        var literals: [Z3_ast] = []
        var weights: [Int] = []
        var definitions: [Z3_ast] = []
        var definitionsLinear: [(over: Z3_ast, sum: Linear)] = []
        for (i, instance) in problem.instances.enumerated() {
            for (c, choice) in instance.choices.enumerated() where choice.penalty > 0 {
                literals.append(choices[i][c])
                weights.append(choice.penalty)
            }
            if let published = instance.published, instance.changeWeight > 0 {
                literals.append(try context.not(choices[i][published]))
                weights.append(instance.changeWeight)
            }
        }
        for (l, limit) in problem.softLimits.enumerated() where limit.weight > 0 && limit.members.count > limit.atMost {
            let over = try context.boolean("over!\(l)")
            let members = limit.members.map { choices[$0.instance][$0.choice] }
            definitions.append(try context.or([over, try context.atMost(limit.atMost, of: members)]))
            let ones = Array(repeating: 1, count: members.count)
            definitionsLinear.append((over, Linear(terms: members, coefficients: ones, bound: limit.atMost, atLeast: false)))
            literals.append(over)
            weights.append(limit.weight)
        }

        self.choices = choices
        self.atMostOne = atMostOne
        self.atMostOneLinear = atMostOneLinear
        self.groups = choose + pinned + capacity + unavailable
        self.costLiterals = literals
        self.costWeights = weights
        self.costDefinitions = definitions
        self.costDefinitionsLinear = definitionsLinear
    }

    /// The choice index per instance that `model` takes; fails unless exactly one per instance.
    func placement(in model: Z3Model, context: Z3Context) throws(PlacementError) -> [Int] {
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
