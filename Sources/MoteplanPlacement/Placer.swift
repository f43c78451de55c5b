import MoteplanCore
import MoteplanSolver

/// One instance's placement in a school year, as `moteplan place` prints it.
public struct PlacementEntry: Sendable, Equatable {
    /// The structure.
    public var structureID: String
    /// The instance.
    public var instanceID: String
    /// The instance's name ("Gimse barneskole").
    public var name: String
    /// The chosen pattern's key ("2. tirsdag 12:30").
    public var choice: String
    /// The recorded pattern before, when there was one.
    public var previous: String?
    /// How many people (roles and units) its meetings need.
    public var people: Int
    /// What the chosen pattern costs under the wishes.
    public var penalty: Int

    /// Whether the pattern differs from the recorded one.
    public var changed: Bool { previous != nil && previous != choice }

    /// The record to store.
    public func record(schoolYear: Int) -> RecordedPlacement {
        RecordedPlacement(structureID: structureID, instanceID: instanceID, schoolYear: schoolYear, choice: choice)
    }
}

/// The outcome of placing one school year.
public struct PlacementOutcome: Sendable {
    /// The school year's start year.
    public var schoolYear: Int
    /// `optimal` (proven) or `feasible` (the best found within the budget).
    public var status: PlacementResult.Status
    /// Every automatically placed instance, in config order.
    public var entries: [PlacementEntry]
    /// The placement's cost.
    public var objective: Int
    /// What costs something: `penalty:`, `change:`, `soft_limit:` entries.
    public var softViolations: [String]
    /// The problem that was solved (for `--write-problem` and the oracle).
    public var problem: PlacementProblem
}

/// Why a school year could not be placed.
public struct PlacementFailure: Error, Sendable, CustomStringConvertible {
    /// The school year's start year.
    public var schoolYear: Int
    /// The explanation, lines a rådgiver can act on.
    public var explanation: [String]
    /// The clashing groups from the solver (`capacity:ppt`, …).
    public var core: [String]

    /// A failure from its parts.
    public init(schoolYear: Int, explanation: [String], core: [String]) {
        self.schoolYear = schoolYear
        self.explanation = explanation
        self.core = core
    }

    /// The explanation as one text.
    public var description: String { explanation.joined(separator: "\n") }
}

/// Places the automatic instances of one school year with Z3: the recorded ones pinned (or, when
/// replanning, only preferred), the rest chosen, and says what it chose or why nothing fits.
public struct Placer: Sendable {
    /// The solver's budget per school year in Z3 resource units: deterministic, never a clock. A
    /// fifth of the solver's own default: every command that reads a plan not yet recorded places
    /// it, so a plan that is hard to prove gets the best placement found in a few seconds (debug)
    /// rather than the full search; the Oslo-size benchmark still proves its optimum within it.
    public static let defaultResourceLimit = PlacementSolver.defaultResourceLimit / 5

    /// The problem builder.
    public let builder: PlacementProblemBuilder
    /// The solver's budget.
    public var resourceLimit: Int

    /// A placer for `configuration` with the store's facts (terms, changes, placements).
    public init(configuration: Configuration, scheduler: Scheduler, resourceLimit: Int = Placer.defaultResourceLimit) {
        builder = PlacementProblemBuilder(configuration: configuration, scheduler: scheduler)
        self.resourceLimit = resourceLimit
    }

    /// Places school year `schoolYear`; throws `PlacementFailure` when no placement exists (or
    /// none was found within the budget) and `PlacementError` when the solver fails.
    public func place(schoolYear: Int, replan: Bool = false) throws -> PlacementOutcome {
        let (problem, placed) = builder.problem(schoolYear: schoolYear, replan: replan)
        let result = try PlacementSolver(resourceLimit: resourceLimit).solve(problem)
        switch result.status {
        case .optimal, .feasible:
            var entries: [PlacementEntry] = []
            for (index, item) in placed.enumerated() {
                let chosen = result.choices[index]
                let previous = builder.scheduler.placements.choice(
                    structure: item.instance.structureID, instance: item.instance.instanceID, schoolYear: schoolYear)
                entries.append(PlacementEntry(
                    structureID: item.instance.structureID, instanceID: item.instance.instanceID, name: item.instance.name,
                    choice: item.choices[chosen].key, previous: previous, people: item.people,
                    penalty: problem.instances[index].choices[chosen].penalty))
            }
            return PlacementOutcome(
                schoolYear: schoolYear, status: result.status, entries: entries, objective: result.objective,
                softViolations: result.softViolations, problem: problem)
        case .infeasible:
            throw PlacementFailure(
                schoolYear: schoolYear,
                explanation: InfeasibilityExplainer(builder: builder, problem: problem, placed: placed, schoolYear: schoolYear)
                    .explain(core: result.core),
                core: result.core)
        case .unknown:
            throw PlacementFailure(
                schoolYear: schoolYear,
                explanation: [
                    "no placement for \(SchoolYear.label(startYear: schoolYear)) was found within the solver's budget "
                        + "(\(resourceLimit) Z3 resource units); give fewer choices per instance, or more capacity, and run it again."
                ],
                core: [])
        }
    }
}
