import Foundation
import MoteplanCore
import MoteplanStore
import PropertyBased
import Testing

/// The rotation rule, over random candidate lists and random edits across 20 terms.
struct RotationPropertyTests {
    static let pool = (0..<12).map { "r\($0)" }

    @Test func eachCandidateLeadsOncePerFullCycle() async throws {
        await propertyCheck(count: 200, input: Gen.int(in: 1...12), Gen.int(in: 0...11), Gen.int(in: 0...1000)) { size, firstIndex, seed in
            var rng = SplitMix(seed: UInt64(seed))
            let candidates = Array(Self.pool.shuffled(using: &rng).prefix(size))
            let first = candidates[firstIndex % size]
            guard let config = try? StoreFixtures.rotationConfig(candidates: candidates, first: first) else {
                Issue.record("config did not load")
                return
            }
            let planner = RotationPlanner(configuration: config, recorded: [])
            let rule = try #require(config.group("g")?.rotation)
            var last = rule.firstTerm
            for _ in 1..<(2 * size) { last = last.next }
            let leaders = planner.terms(group: "g", through: last).map(\.leaderID)
            #expect(leaders.first == first)
            #expect(Set(leaders.prefix(size)) == Set(candidates))
            #expect(Array(leaders.prefix(size)) == Array(leaders.suffix(size)))
        }
    }

    /// An edit of the candidate list between terms.
    enum Edit: CaseIterable { case none, append, remove, reorder }

    @Test func recordedTermsNeverChangeUnderConfigEdits() async throws {
        await propertyCheck(count: 40, input: Gen.int(in: 0...100_000)) { seed in
            var rng = SplitMix(seed: UInt64(seed))
            var candidates = Array(Self.pool.shuffled(using: &rng).prefix(Int.random(in: 2...5, using: &rng)))
            let first = candidates[0]
            let directory = try StoreFixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try StateStore.openForWriting(path: directory.appendingPathComponent("s.sqlite").path)
            var history: [Int: String] = [:]
            for year in 2026..<2046 {
                // A random edit, keeping the first leader (the anchor must stay a candidate).
                switch Edit.allCases.randomElement(using: &rng) ?? .none {
                case .none: break
                case .append:
                    if let new = Self.pool.first(where: { !candidates.contains($0) }) { candidates.append(new) }
                case .remove:
                    if candidates.count > 1, let victim = candidates.filter({ $0 != first }).randomElement(using: &rng) {
                        candidates.removeAll { $0 == victim }
                    }
                case .reorder:
                    candidates.shuffle(using: &rng)
                }
                let config = try StoreFixtures.rotationConfig(candidates: candidates, first: first)
                try store.write { try TermRecorder.recordBegunTerms(configuration: config, now: StoreFixtures.now(year), in: $0) }
                let recorded = try store.read { try $0.recordedTerms() }
                for term in recorded {
                    if let before = history[term.term.startYear] {
                        #expect(before == term.leaderID, "term \(term.term.label) changed from \(before) to \(term.leaderID)")
                    }
                    history[term.term.startYear] = term.leaderID
                }
                #expect(recorded.count == year - 2026 + 1)
                // Each recorded leader followed the list as it stood when the term began.
                if let previous = history[year - 1], let current = history[year], candidates.contains(previous) {
                    let index = try #require(candidates.firstIndex(of: previous))
                    #expect(current == candidates[(index + 1) % candidates.count])
                }
            }
        }
    }

    @Test func newCandidateJoinsAtTheEndOfTheCycleAndRemovedOneIsSkipped() throws {
        let recorded = [
            RecordedTerm(groupID: "g", term: Term(kind: .schoolYear, startYear: 2026), leaderID: "r0", decision: .rotation,
                         decidedAt: StoreFixtures.now(2026), actor: "t"),
            RecordedTerm(groupID: "g", term: Term(kind: .schoolYear, startYear: 2027), leaderID: "r1", decision: .rotation,
                         decidedAt: StoreFixtures.now(2027), actor: "t"),
        ]
        let last = Term(kind: .schoolYear, startYear: 2031)
        // r3 added at the end: r2, then r3, then back to r0.
        let grown = try StoreFixtures.rotationConfig(candidates: ["r0", "r1", "r2", "r3"], first: "r0")
        #expect(RotationPlanner(configuration: grown, recorded: recorded).terms(group: "g", through: last).map(\.leaderID)
            == ["r0", "r1", "r2", "r3", "r0", "r1"])
        // r2 removed: skipped; r1 (the last leader) was still a candidate.
        let shrunk = try StoreFixtures.rotationConfig(candidates: ["r0", "r1", "r3"], first: "r0")
        #expect(RotationPlanner(configuration: shrunk, recorded: recorded).terms(group: "g", through: last).map(\.leaderID)
            == ["r0", "r1", "r3", "r0", "r1", "r3"])
        // r1, the last leader, removed: the rotation continues after r0, the latest leader still listed.
        let withoutLast = try StoreFixtures.rotationConfig(candidates: ["r0", "r2", "r3"], first: "r0")
        #expect(RotationPlanner(configuration: withoutLast, recorded: recorded).terms(group: "g", through: last).map(\.leaderID)
            == ["r0", "r1", "r2", "r3", "r0", "r2"])
        // Reordering changes only the terms not recorded.
        let reordered = try StoreFixtures.rotationConfig(candidates: ["r2", "r1", "r0"], first: "r0")
        #expect(RotationPlanner(configuration: reordered, recorded: recorded).terms(group: "g", through: last).map(\.leaderID)
            == ["r0", "r1", "r0", "r2", "r1", "r0"])
    }

    @Test func overrideSetsAFutureTermAndTheRotationContinuesFromIt() throws {
        let config = try StoreFixtures.rotationConfig(candidates: ["r0", "r1", "r2"], first: "r0")
        let override = RecordedTerm(
            groupID: "g", term: Term(kind: .schoolYear, startYear: 2027), leaderID: "r2", decision: .override,
            decidedAt: StoreFixtures.now(2026, month: 11), actor: "Rådgiver", reason: "r1 har permisjon")
        let terms = RotationPlanner(configuration: config, recorded: [override])
            .terms(group: "g", through: Term(kind: .schoolYear, startYear: 2029))
        #expect(terms.map(\.leaderID) == ["r0", "r2", "r0", "r1"])
        #expect(terms.map(\.status) == [.projected, .override, .projected, .projected])
    }
}

/// A seeded generator, so property cases are reproducible from their input.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
