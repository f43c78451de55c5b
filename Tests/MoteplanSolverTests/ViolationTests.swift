import MoteplanSolver
import Testing

/// `violations(of:)` checks a placement without the solver: what it reports for broken ones.
struct ViolationTests {
    /// a and b each meet [0, 60) or [100, 160) on r (capacity 1, away [200, 260)); c meets on r at
    /// [200, 230), when r is away, or at [300, 330).
    static let problem = Problem(
        resources: [.init(id: "r", capacity: 1, unavailable: [.init(start: 200, end: 260)])],
        instances: [
            HandMadeTests.twoSlots("a"), HandMadeTests.twoSlots("b"),
            .init(id: "c", choices: [choice("away", meeting(200, 230, "r")), choice("late", meeting(300, 330, "r"))], pinned: 1),
        ])

    @Test func aValidPlacementHasNone() {
        #expect(Self.problem.violations(of: [0, 1, 1]).isEmpty)
    }

    @Test func eachBrokenRuleIsNamedByItsGroup() {
        // a and b both at [0, 60): two on r at minute 0; c away while r is away, and not as pinned.
        let found = Self.problem.violations(of: [0, 0, 0])
        #expect(found.map(\.group) == ["pinned:c", "capacity:r", "unavailable:r"])
        #expect(found[1].detail.contains("2 occurrences at minute 0"))
        #expect(found[2].detail.contains("'c'") && found[2].detail.contains("[200, 260)"))
    }

    @Test func aChoiceOutOfRangeOrAVectorOfTheWrongLengthIsReported() {
        #expect(Self.problem.violations(of: [0, 1, 7]).map(\.group) == ["choose:c"])
        #expect(Self.problem.violations(of: [0, 1]).map(\.group) == ["choices"])
    }

    @Test func theCostOfAPlacementIsReportedWithWhatCostsIt() {
        var problem = Self.problem
        problem.instances[0].choices[1].penalty = 2
        problem.instances[1].published = 0
        problem.instances[1].changeWeight = 3
        let cost = problem.cost(of: [1, 1, 1])
        #expect(cost.objective == 5)
        #expect(cost.softViolations == ["penalty:a", "change:b"])
    }
}
