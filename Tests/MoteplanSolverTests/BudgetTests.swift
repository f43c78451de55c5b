import MoteplanSolver
import Testing

/// The budget (Z3's resource units) bounds the work: too little gives `unknown`, a little more a
/// valid placement that is not proven cheapest (`feasible`), enough the optimum; the same budget
/// always gives the same answer.
struct BudgetTests {
    /// 36 instances with a limit of 7 per weekday: a limit must break, and proving which costs work.
    static let problem = DistrictGenerator.problem(seed: 5, instances: 36)

    @Test func aTinyBudgetGivesUnknown() throws {
        let result = try PlacementSolver(resourceLimit: 1).solve(Self.problem)
        #expect(result.status == .unknown)
        #expect(result.choices.isEmpty)
        #expect(result.core.isEmpty)
    }

    @Test func growingBudgetsGoFromUnknownThroughFeasibleToOptimal() throws {
        let optimum = try PlacementSolver().solve(Self.problem)
        try #require(optimum.status == .optimal)
        var statuses: [PlacementResult.Status] = []
        var limit = 10_000
        while limit <= 10_000_000 {
            let result = try PlacementSolver(resourceLimit: limit).solve(Self.problem)
            statuses.append(result.status)
            if result.status == .feasible || result.status == .optimal {
                #expect(Self.problem.violations(of: result.choices).isEmpty, "budget \(limit)")
                #expect(result.objective >= optimum.objective, "budget \(limit)")
            }
            if result.status == .optimal { #expect(result.objective == optimum.objective, "budget \(limit)") }
            if result.status == .feasible {
                #expect(try PlacementSolver(resourceLimit: limit).solve(Self.problem) == result, "budget \(limit)")
            }
            limit *= 2
        }
        // Never back: once a placement is found, more budget finds one too; once proven, it stays so.
        let rank: [PlacementResult.Status: Int] = [.unknown: 0, .feasible: 1, .optimal: 2]
        let ranks = statuses.compactMap { rank[$0] }
        #expect(ranks == ranks.sorted(), "\(statuses)")
        #expect(statuses.first == .unknown)
        #expect(statuses.contains(.feasible), "\(statuses)")
        #expect(statuses.last == .optimal)
    }
}
