import MoteplanSolver
import Testing

/// Properties of every answer, over generated problems with fixed seeds (so a failure repeats):
/// a placement breaks no hard rule by the independent check, the same input gives the same
/// answer, and a resource that cannot hold its meetings is named in the core.
struct PropertyTests {
    /// Every placement returned, whatever the problem and the budget, has no violation by
    /// `PlacementProblem.violations(of:)`, and its objective is the one `cost(of:)` gives.
    @Test(arguments: [false, true])
    func everyPlacementBreaksNoHardRule(crowded: Bool) throws {
        var placements = 0
        for seed in UInt64(201)...260 {
            let problem = ProblemGenerator.problem(seed: seed, crowded: crowded)
            // The default budget, and small ones that may stop at a placement not proven cheapest.
            for limit in [PlacementSolver.defaultResourceLimit, 20_000, 200_000] {
                let result = try PlacementSolver(resourceLimit: limit).solve(problem)
                let label = Comment(rawValue: "seed \(seed), budget \(limit): \(result)")
                switch result.status {
                case .optimal, .feasible:
                    placements += 1
                    #expect(result.choices.count == problem.instances.count, label)
                    #expect(problem.violations(of: result.choices).isEmpty, label)
                    let cost = problem.cost(of: result.choices)
                    #expect(result.objective == cost.objective, label)
                    #expect(result.softViolations == cost.softViolations, label)
                    #expect(result.core.isEmpty, label)
                case .infeasible:
                    #expect(result.choices.isEmpty && !result.core.isEmpty, label)
                case .unknown:
                    #expect(result.choices.isEmpty && result.core.isEmpty, label)
                }
            }
        }
        // The generator must give placements to check at all.
        #expect(placements >= 30, "only \(placements) placements")
    }

    /// The same problem gives the same result (choices, objective, core), solved again or read
    /// back from its JSON form.
    @Test func theSameInputGivesTheSameChoices() throws {
        for seed in UInt64(301)...330 {
            let problem = ProblemGenerator.problem(seed: seed, crowded: seed % 3 == 0)
            let first = try PlacementSolver().solve(problem)
            let again = try PlacementSolver().solve(problem)
            let copy = try PlacementProblem(json: try problem.jsonData())
            let fromJSON = try PlacementSolver().solve(copy)
            #expect(first == again, "seed \(seed)")
            #expect(first == fromJSON, "seed \(seed)")
        }
    }

    /// A resource that `n` instances need in `slots` time slots, with room for fewer than `n`; the
    /// other resources (each instance's own unit, and a roomy hall some choices use) have room to spare.
    static func overfull(seed: UInt64) -> (problem: PlacementProblem, crowded: String) {
        var random = SplitMix64(seed: seed)
        let names = ["ppt", "helsestasjon", "skole", "barnehage"]
        let crowded = random.pick(names)
        let capacity = random.int(1...3)
        let slots = random.int(1...3)
        let count = capacity * slots + random.int(1...2)
        var resources = names.map { PlacementProblem.Resource(id: $0, capacity: $0 == crowded ? capacity : 100) }
        resources[names.firstIndex(of: crowded) ?? 0].bufferMinutes = random.pick([0, 15, 30])
        resources.append(.init(id: "hall", capacity: 50))
        var instances: [PlacementProblem.Instance] = []
        for i in 0..<count {
            resources.append(.init(id: "unit-\(i)", capacity: 1))
            // Each choice is one of the slots (two hours apart, 90 minutes long), never outside them.
            let taken = random.distinct(random.int(1...slots), of: Array(0..<slots))
            let choices = taken.map { slot in
                let start = 480 + slot * 120
                var uses = [crowded, "unit-\(i)"]
                if random.chance(50) { uses.append("hall") }
                if random.chance(30) { uses.append(random.pick(names.filter { $0 != crowded })) }
                return PlacementProblem.Choice(
                    id: "slot \(slot)", penalty: random.int(0...3),
                    occurrences: [.init(start: start, end: start + 90, resources: uses)])
            }
            instances.append(.init(id: "team-\(i)", choices: choices))
        }
        return (PlacementProblem(resources: resources, instances: instances), crowded)
    }

    /// No placement exists because one resource is too small: the core names `capacity:<it>` and
    /// no other capacity; with room enough the same problem is solved.
    @Test func anOverfullResourceIsNamedInTheCore() throws {
        for seed in UInt64(401)...430 {
            var (problem, crowded) = Self.overfull(seed: seed)
            let result = try PlacementSolver().solve(problem)
            let label = Comment(rawValue: "seed \(seed), \(crowded): \(result)")
            #expect(result.status == .infeasible, label)
            #expect(result.core.contains("capacity:\(crowded)"), label)
            #expect(result.core.filter { $0.hasPrefix("capacity:") } == ["capacity:\(crowded)"], label)
            #expect(result.core.allSatisfy { $0.hasPrefix("choose:") || $0.hasPrefix("capacity:") }, label)

            let index = try #require(problem.resources.firstIndex { $0.id == crowded })
            problem.resources[index].capacity = problem.instances.count
            let roomy = try PlacementSolver().solve(problem)
            #expect(roomy.status == .optimal, label)
            #expect(problem.violations(of: roomy.choices).isEmpty, label)
        }
    }
}
