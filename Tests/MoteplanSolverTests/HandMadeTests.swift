import MoteplanSolver
import Testing

/// Small problems whose answers are worked out by hand (in the comments), one rule at a time.
struct HandMadeTests {
    /// Slot 1 is [0, 60), slot 2 is [100, 160); both use r.
    static func twoSlots(_ id: String, penalties: (Int, Int) = (0, 0)) -> Problem.Instance {
        Problem.Instance(
            id: id,
            choices: [
                choice("slot 1", penalty: penalties.0, meeting(0, 60, "r")),
                choice("slot 2", penalty: penalties.1, meeting(100, 160, "r")),
            ])
    }

    @Test func twoInstancesShareACapacityOfOne() throws {
        // r holds one meeting at a time: a and b cannot both take slot 1 or both slot 2, so they
        // split. b's slot 1 costs 1, so a takes slot 1 and b slot 2 (cost 0) rather than the reverse (1).
        let problem = Problem(
            resources: [.init(id: "r", capacity: 1)],
            instances: [Self.twoSlots("a"), Self.twoSlots("b", penalties: (1, 0))])
        let result = try solve(problem)
        #expect(result.status == .optimal)
        #expect(result.choices == [0, 1])
        #expect(result.objective == 0)
        #expect(result.softViolations.isEmpty)
        #expect(problem.violations(of: result.choices).isEmpty)
    }

    @Test func threeInstancesInTwoSlotsOfCapacityOneAreInfeasible() throws {
        // Three meetings, two slots, one at a time: impossible. Every group is needed: without
        // capacity:r all three fit in slot 1; without choose:x the other two split the slots.
        let problem = Problem(
            resources: [.init(id: "r", capacity: 1)],
            instances: [Self.twoSlots("a"), Self.twoSlots("b"), Self.twoSlots("c")])
        let result = try solve(problem)
        #expect(result.status == .infeasible)
        #expect(result.core == ["choose:a", "choose:b", "choose:c", "capacity:r"])
        #expect(result.choices.isEmpty)
    }

    /// a meets [0, 60) on r; b can meet right after, [60, 120), or later, [200, 260) at a cost of 5.
    static func backToBack(buffer: Int) -> Problem {
        Problem(
            resources: [.init(id: "r", capacity: 1, bufferMinutes: buffer)],
            instances: [
                .init(id: "a", choices: [choice("first", meeting(0, 60, "r"))]),
                .init(
                    id: "b",
                    choices: [
                        choice("right after", meeting(60, 120, "r")),
                        choice("later", penalty: 5, meeting(200, 260, "r")),
                    ]),
            ])
    }

    @Test func backToBackMeetingsFitWithoutABuffer() throws {
        // Half-open intervals: [0, 60) and [60, 120) share no minute, so b takes "right after" at no cost.
        let result = try solve(Self.backToBack(buffer: 0))
        #expect(result.status == .optimal)
        #expect(result.choices == [0, 0])
        #expect(result.objective == 0)
    }

    @Test func aBufferMakesBackToBackMeetingsClash() throws {
        // With 15 minutes of buffer a counts over [0, 75), which holds minute 60 where b would start:
        // two at once on r. b must take "later" and pay 5.
        let problem = Self.backToBack(buffer: 15)
        let result = try solve(problem)
        #expect(result.status == .optimal)
        #expect(result.choices == [0, 1])
        #expect(result.objective == 5)
        #expect(result.softViolations == ["penalty:b"])
        // The independent check agrees that the cheaper placement clashes, at minute 60.
        #expect(problem.violations(of: [0, 0]).map(\.group) == ["capacity:r"])
    }

    @Test func unavailabilityForbidsAChoice() throws {
        // r is away over [50, 70). "early" [0, 60) overlaps it; "touching" [70, 130) starts as it ends
        // (no shared minute) and costs 1; "late" [200, 260) costs 3. So a takes "touching", cost 1.
        let problem = Problem(
            resources: [.init(id: "r", capacity: 1, unavailable: [.init(start: 50, end: 70)])],
            instances: [
                .init(
                    id: "a",
                    choices: [
                        choice("early", meeting(0, 60, "r")),
                        choice("touching", penalty: 1, meeting(70, 130, "r")),
                        choice("late", penalty: 3, meeting(200, 260, "r")),
                    ])
            ])
        let result = try solve(problem)
        #expect(result.status == .optimal)
        #expect(result.choices == [1])
        #expect(result.objective == 1)
        #expect(problem.violations(of: [0]).map(\.group) == ["unavailable:r"])
    }

    @Test func unavailabilityOfEveryChoiceIsInfeasible() throws {
        // r is away all morning; a's only choice is in the morning: choose:a and unavailable:r clash.
        let problem = Problem(
            resources: [.init(id: "r", capacity: 1, unavailable: [.init(start: 0, end: 720)])],
            instances: [.init(id: "a", choices: [choice("morning", meeting(480, 570, "r"))])])
        let result = try solve(problem)
        #expect(result.status == .infeasible)
        #expect(result.core == ["choose:a", "unavailable:r"])
    }

    @Test func aPinnedInstanceTakesItsPinnedChoice() throws {
        // Slot 2 costs 4 but a is pinned to it: a takes slot 2 and pays 4.
        var a = Self.twoSlots("a", penalties: (0, 4))
        a.pinned = 1
        let problem = Problem(resources: [.init(id: "r", capacity: 1)], instances: [a])
        let result = try solve(problem)
        #expect(result.status == .optimal)
        #expect(result.choices == [1])
        #expect(result.objective == 4)
        #expect(result.softViolations == ["penalty:a"])
        #expect(problem.violations(of: [0]).map(\.group) == ["pinned:a"])
    }

    @Test func aPinnedChoiceInUnavailableTimeIsInfeasible() throws {
        // a is pinned to slot 1, [0, 60), while r is away [0, 30). Without the pin a takes slot 2;
        // without the unavailability slot 1 is fine; choose:a is not needed (the pin forces a choice).
        var a = Self.twoSlots("a")
        a.pinned = 0
        let problem = Problem(
            resources: [.init(id: "r", capacity: 1, unavailable: [.init(start: 0, end: 30)])], instances: [a])
        let result = try solve(problem)
        #expect(result.status == .infeasible)
        #expect(result.core == ["pinned:a", "unavailable:r"])
    }

    /// a was published in slot 1 with `changeWeight`; b's slot 1 is free and its slot 2 costs 3.
    static func published(changeWeight: Int) -> Problem {
        var a = twoSlots("a")
        a.published = 0
        a.changeWeight = changeWeight
        return Problem(
            resources: [.init(id: "r", capacity: 1)], instances: [a, twoSlots("b", penalties: (0, 3))])
    }

    @Test func movingAPublishedInstanceCostsItsChangeWeight() throws {
        // They must split the slots. a stays, b moves to slot 2: 3. a moves (2), b takes slot 1: 2.
        // Moving a is cheaper.
        let result = try solve(Self.published(changeWeight: 2))
        #expect(result.status == .optimal)
        #expect(result.choices == [1, 0])
        #expect(result.objective == 2)
        #expect(result.softViolations == ["change:a"])
    }

    @Test func aHeavyChangeWeightKeepsThePublishedChoice() throws {
        // Moving a now costs 5, more than b's 3: a stays in slot 1, b takes slot 2.
        let result = try solve(Self.published(changeWeight: 5))
        #expect(result.status == .optimal)
        #expect(result.choices == [0, 1])
        #expect(result.objective == 3)
        #expect(result.softViolations == ["penalty:b"])
    }

    /// Three instances on their own units, each in week 1 (free) or week 2 (costs 1), and a limit of
    /// one in week 1 with `weight`.
    static func spread(weight: Int) -> Problem {
        let instances = ["a", "b", "c"].map { id in
            Problem.Instance(
                id: id,
                choices: [
                    choice("week 1", meeting(0, 90, id)),
                    choice("week 2", penalty: 1, meeting(10_080, 10_170, id)),
                ])
        }
        return Problem(
            resources: ["a", "b", "c"].map { Problem.Resource(id: $0, capacity: 1) },
            instances: instances,
            softLimits: [
                .init(
                    name: "spread week 1", weight: weight, atMost: 1,
                    members: (0..<3).map { Problem.Member(instance: $0, choice: 0) })
            ])
    }

    @Test func aSoftLimitSpreadsMeetings() throws {
        // Over the limit costs 10: at most one in week 1, the other two pay 1 each: 2 in all.
        // (Everyone in week 1 would cost 10; no one, 3.)
        let result = try solve(Self.spread(weight: 10))
        #expect(result.status == .optimal)
        #expect(result.objective == 2)
        #expect(result.choices.filter { $0 == 0 }.count == 1)
        #expect(result.softViolations.count == 2)
    }

    @Test func aLightSoftLimitIsBrokenWhenThatIsCheaper() throws {
        // Over the limit costs only 1, flat however far over: all three in week 1 cost 1, less than 2.
        let result = try solve(Self.spread(weight: 1))
        #expect(result.status == .optimal)
        #expect(result.choices == [0, 0, 0])
        #expect(result.objective == 1)
        #expect(result.softViolations == ["soft_limit:spread week 1"])
    }

    @Test func aMemberListedTwiceCountsTwice() throws {
        // The limit allows one, and lists a's choice 0 twice: taking it counts 2 and costs 5, so a
        // takes choice 1 and pays its penalty of 3.
        let problem = Problem(
            resources: [.init(id: "r", capacity: 1)],
            instances: [Self.twoSlots("a", penalties: (0, 3))],
            softLimits: [
                .init(name: "twice", weight: 5, atMost: 1, members: [.init(instance: 0, choice: 0), .init(instance: 0, choice: 0)])
            ])
        let result = try solve(problem)
        #expect(result.choices == [1])
        #expect(result.objective == 3)
    }

    @Test func fixedMeetingsAloneCanOverfillAResource() throws {
        // Two fixed meetings overlap on r of capacity 1: infeasible whatever a (on u) takes, and the
        // fixed meetings belong to capacity:r, so that alone is the core.
        let problem = Problem(
            resources: [.init(id: "r", capacity: 1), .init(id: "u", capacity: 1)],
            instances: [.init(id: "a", choices: [choice("any", meeting(0, 60, "u"))])],
            fixed: [meeting(0, 60, "r"), meeting(30, 90, "r")])
        let result = try solve(problem)
        #expect(result.status == .infeasible)
        #expect(result.core == ["capacity:r"])
    }

    @Test func aFixedMeetingTakesCapacityFromChoices() throws {
        // A fixed meeting fills r over [0, 60); a's only choice needs r then: choose:a and capacity:r.
        // With two choices a takes the free one.
        let blocked = Problem(
            resources: [.init(id: "r", capacity: 1)],
            instances: [.init(id: "a", choices: [choice("same time", meeting(0, 60, "r"))])],
            fixed: [meeting(0, 60, "r")])
        #expect(try solve(blocked).core == ["choose:a", "capacity:r"])

        let open = Problem(resources: [.init(id: "r", capacity: 1)], instances: [Self.twoSlots("a")], fixed: [meeting(0, 60, "r")])
        #expect(try solve(open).choices == [1])
    }

    @Test func aChoiceCountsOncePerOccurrence() throws {
        // a's only choice has two occurrences that overlap over [30, 60): two at once on r. Capacity 1
        // is too little (core: choose:a, capacity:r), capacity 2 is enough.
        var problem = Problem(
            resources: [.init(id: "r", capacity: 1)],
            instances: [.init(id: "a", choices: [choice("double", meeting(0, 60, "r"), meeting(30, 90, "r"))])])
        #expect(try solve(problem).core == ["choose:a", "capacity:r"])
        problem.resources[0].capacity = 2
        #expect(try solve(problem).status == .optimal)
    }

    @Test func anInstanceWithoutChoicesIsACauseByItself() throws {
        let problem = Problem(resources: [], instances: [.init(id: "empty", choices: [])])
        let result = try solve(problem)
        #expect(result.status == .infeasible)
        #expect(result.core == ["choose:empty"])
    }

    @Test func anEmptyProblemIsSolved() throws {
        let result = try solve(Problem(resources: [], instances: []))
        #expect(result.status == .optimal)
        #expect(result.choices.isEmpty)
    }
}
