import MoteplanSolver

/// Short spellings for hand-made problems.
typealias Problem = PlacementProblem

/// An occurrence [start, end) that takes `resources`.
func meeting(_ start: Int, _ end: Int, _ resources: String...) -> Problem.Occurrence {
    Problem.Occurrence(start: start, end: end, resources: resources)
}

/// A choice with one or more occurrences.
func choice(_ id: String, penalty: Int = 0, _ occurrences: Problem.Occurrence...) -> Problem.Choice {
    Problem.Choice(id: id, penalty: penalty, occurrences: occurrences)
}

/// Solves with the default budget.
func solve(_ problem: Problem) throws -> PlacementResult {
    try PlacementSolver().solve(problem)
}
