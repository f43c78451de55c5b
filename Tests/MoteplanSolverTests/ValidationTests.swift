import Foundation
import MoteplanSolver
import Testing

/// A problem that breaks a rule of the format is refused with the place and the reason, before Z3
/// sees it.
struct ValidationTests {
    /// One resource r, one instance a with two choices on r.
    static var valid: PlacementProblem {
        Problem(
            resources: [.init(id: "r", capacity: 1)],
            instances: [.init(id: "a", choices: [choice("one", meeting(0, 60, "r")), choice("two", meeting(60, 120, "r"))])])
    }

    /// One way to break the valid problem, and words the message must contain.
    struct Breakage: CustomStringConvertible, Sendable {
        let description: String
        let expected: [String]
        let apply: @Sendable (inout PlacementProblem) -> Void
    }

    static let breakages: [Breakage] = [
        Breakage(description: "unknown resource", expected: ["instances[0] ('a').choices[0].occurrences[0].resources", "'x'"]) {
            $0.instances[0].choices[0].occurrences[0].resources = ["x"]
        },
        Breakage(description: "resource listed twice", expected: ["'r' is listed twice"]) {
            $0.instances[0].choices[0].occurrences[0].resources = ["r", "r"]
        },
        Breakage(description: "duplicate resource id", expected: ["resources[1] ('r')", "unique"]) {
            $0.resources.append(.init(id: "r", capacity: 2))
        },
        Breakage(description: "duplicate instance id", expected: ["instances[1] ('a')", "unique"]) {
            $0.instances.append($0.instances[0])
        },
        Breakage(description: "pinned out of range", expected: ["instances[0] ('a').pinned", "2 is not a choice"]) {
            $0.instances[0].pinned = 2
        },
        Breakage(description: "published out of range", expected: ["published", "-1 is not a choice"]) {
            $0.instances[0].published = -1
        },
        Breakage(description: "empty interval", expected: ["occurrences[0]", "end 0 is not after start 0"]) {
            $0.instances[0].choices[0].occurrences[0].end = 0
        },
        Breakage(description: "negative capacity", expected: ["resources[0] ('r').capacity", "-1 is outside"]) {
            $0.resources[0].capacity = -1
        },
        Breakage(description: "negative penalty", expected: ["choices[1].penalty", "-3 is outside"]) {
            $0.instances[0].choices[1].penalty = -3
        },
        Breakage(description: "member out of range", expected: ["soft_limits[0] ('l').members[0].choice", "5 is not a choice"]) {
            $0.softLimits = [.init(name: "l", weight: 1, atMost: 0, members: [.init(instance: 0, choice: 5)])]
        },
        Breakage(description: "weights too large together", expected: ["the weights", "smaller weights"]) {
            $0.softLimits = (0..<3000).map { .init(name: "l\($0)", weight: 1_000_000, atMost: 0, members: []) }
        },
    ]

    @Test func theValidProblemIsValid() throws {
        try Self.valid.validate()
    }

    @Test(arguments: breakages)
    func aBrokenProblemIsRefusedWithItsPlace(_ breakage: Breakage) throws {
        var problem = Self.valid
        breakage.apply(&problem)
        let error = try #require(throws: PlacementError.self) { try PlacementSolver().solve(problem) }
        #expect(error.code == .invalidProblem)
        for words in breakage.expected {
            #expect(error.description.contains(words), "\(error)")
        }
    }
}
