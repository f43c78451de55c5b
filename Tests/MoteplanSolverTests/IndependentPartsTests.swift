import MoteplanSolver
import Testing

/// Parts of a problem that share no resource and no soft limit are solved on their own: the answer
/// is the one for the whole problem, and a core names only the part that has no placement.
struct IndependentPartsTests {
    /// Two districts, each with its own PPT of capacity 1 and two instances in two slots.
    static func twoDistricts(crowdSecond: Bool) -> Problem {
        func district(_ d: Int, instances: Int) -> [Problem.Instance] {
            (0..<instances).map { i in
                Problem.Instance(
                    id: "d\(d)-\(i)",
                    choices: [
                        choice("early", meeting(0, 60, "ppt-\(d)")),
                        choice("late", penalty: i + 1, meeting(100, 160, "ppt-\(d)")),
                    ])
            }
        }
        return Problem(
            resources: [.init(id: "ppt-1", capacity: 1), .init(id: "ppt-2", capacity: 1)],
            instances: district(1, instances: 2) + district(2, instances: crowdSecond ? 3 : 2))
    }

    @Test func independentDistrictsAddUp() throws {
        // In each district one instance meets early (free), the other late: the cheaper late one is
        // the first (penalty 1). Both districts: 1 + 1.
        let result = try solve(Self.twoDistricts(crowdSecond: false))
        #expect(result.status == .optimal)
        #expect(result.choices == [1, 0, 1, 0])
        #expect(result.objective == 2)
    }

    @Test func theCoreNamesOnlyTheCrowdedDistrict() throws {
        // Three instances in two slots of district 2: its three choose groups and its PPT.
        let result = try solve(Self.twoDistricts(crowdSecond: true))
        #expect(result.status == .infeasible)
        #expect(result.core == ["choose:d2-0", "choose:d2-1", "choose:d2-2", "capacity:ppt-2"])
    }

    @Test func aResourceOnlyFixedMeetingsUseCanBeOverfull() throws {
        // "hall" has no instance at all, only two fixed meetings at once.
        var problem = Self.twoDistricts(crowdSecond: false)
        problem.resources.append(.init(id: "hall", capacity: 1))
        problem.fixed = [meeting(0, 60, "hall"), meeting(0, 60, "hall")]
        let result = try solve(problem)
        #expect(result.status == .infeasible)
        #expect(result.core == ["capacity:hall"])
    }
}
