import Foundation
import MoteplanSolver
import Testing

/// The same problem gives the same result, whatever else runs: a district with many placements of
/// the same cost, where any randomness or shared state would show.
struct DeterminismTests {
    static let problem = DistrictGenerator.problem(seed: 7)

    @Test func solvingTwiceGivesTheSameResult() throws {
        let first = try PlacementSolver().solve(Self.problem)
        let second = try PlacementSolver().solve(Self.problem)
        #expect(first.status == .optimal)
        #expect(first == second)
    }

    @Test func solvesOnParallelThreadsAgree() async throws {
        // One context per solve and no global state: four at once give one answer.
        let expected = try PlacementSolver().solve(Self.problem)
        let results = try await withThrowingTaskGroup(of: PlacementResult.self) { group in
            for _ in 0..<4 { group.addTask { try PlacementSolver().solve(Self.problem) } }
            var all: [PlacementResult] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func theJSONFormGivesTheSameResult() throws {
        let copy = try PlacementProblem(json: try Self.problem.jsonData())
        #expect(copy == Self.problem)
        #expect(try PlacementSolver().solve(copy) == (try PlacementSolver().solve(Self.problem)))
    }
}
