/// What a placement costs under the soft rules, and which of them it breaks.
public struct PlacementCost: Sendable, Equatable {
    /// The sum: penalties of the taken choices, change weights, weights of exceeded soft limits.
    public var objective: Int
    /// What costs something: `penalty:<instance id>`, `change:<instance id>`, `soft_limit:<name>`,
    /// in instance order and then soft limit order; zero costs are left out.
    public var softViolations: [String]
}

extension PlacementProblem {
    /// The cost of `choices` (a choice index per instance) under the soft rules in
    /// `PlacementProblem`'s documentation. Indices out of range cost nothing and count as no member.
    public func cost(of choices: [Int]) -> PlacementCost {
        var cost = PlacementCost(objective: 0, softViolations: [])
        for (instance, index) in zip(instances, choices) where instance.choices.indices.contains(index) {
            let penalty = instance.choices[index].penalty
            if penalty > 0 {
                cost.objective += penalty
                cost.softViolations.append("penalty:\(instance.id)")
            }
            if let published = instance.published, published != index, instance.changeWeight > 0 {
                cost.objective += instance.changeWeight
                cost.softViolations.append("change:\(instance.id)")
            }
        }
        for limit in softLimits where limit.weight > 0 {
            let taken = limit.members.filter { choices.indices.contains($0.instance) && choices[$0.instance] == $0.choice }
            if taken.count > limit.atMost {
                cost.objective += limit.weight
                cost.softViolations.append("soft_limit:\(limit.name)")
            }
        }
        return cost
    }
}
