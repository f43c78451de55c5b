import Foundation
import MoteplanCore
import MoteplanPlacement
import MoteplanSolver
import Testing

/// The Melhus placement, from the config through the problem builder and Z3, against OR-Tools
/// CP-SAT on the same problem JSON (scripts/placement-oracle): the same optimum, no hard rule
/// broken by Z3's placement by CP-SAT's count, and an impossible variant's core confirmed.
@Suite struct MelhusOracleTests {
    struct Item: Encodable {
        var problem: String
        var core: [String]?
        var choices: [Int]?
    }

    struct Answer: Decodable {
        struct Checked: Decodable {
            var violations: [String]?
            var objective: Int?
            var infeasible: Bool?
            var minimal: Bool?
        }
        var status: String
        var objective: Int?
        var choices_check: Checked?
        var core_check: Checked?
    }

    /// Runs the oracle once on `items`; fails (never skips, unless ALLOW_SKIP=1) when it cannot run.
    func oracle(_ items: [Item], in directory: URL) throws -> [Answer] {
        let manifest = directory.appendingPathComponent("manifest.json")
        try JSONEncoder().encode(items).write(to: manifest)
        let process = Process()
        process.executableURL = PlacementFixtures.root.appendingPathComponent("scripts/placement-oracle")
        process.arguments = ["--batch", manifest.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 && ProcessInfo.processInfo.environment["ALLOW_SKIP"] == "1" { return [] }
        #expect(process.terminationStatus == 0, "placement-oracle exited \(process.terminationStatus)")
        return try JSONDecoder().decode([Answer].self, from: data)
    }

    @Test func z3AndCPSATAgreeOnMelhusAndOnAnImpossibleVariant() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("moteplan-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var items: [Item] = []
        var objectives: [Int] = []
        let config = try PlacementFixtures.load(PlacementFixtures.melhusText).configuration
        for year in [2026, 2027] {
            let outcome = try Placer(configuration: config, scheduler: Scheduler(configuration: config)).place(schoolYear: year)
            #expect(outcome.status == .optimal)
            let file = directory.appendingPathComponent("melhus-\(year).json")
            try PlacementListing.problemJSON(outcome.problem).write(to: file)
            let choices = outcome.entries.enumerated().map { index, entry in
                outcome.problem.instances[index].choices.firstIndex { $0.id == entry.choice } ?? -1
            }
            items.append(Item(problem: file.path, core: nil, choices: choices))
            objectives.append(outcome.objective)
        }
        let impossible = PlacementFixtures.melhusText
            .replacingOccurrences(of: "barnehager: tre møter samtidig.\ncapacity = 3", with: "barnehager: tre møter samtidig.\ncapacity = 1")
            .replacingOccurrences(of: "start = [\"08:30\", \"12:30\"]\nduration_minutes = 90", with: "start = [\"12:30\"]\nduration_minutes = 90")
        let impossibleConfig = try PlacementFixtures.load(impossible).configuration
        let builder = PlacementProblemBuilder(configuration: impossibleConfig, scheduler: Scheduler(configuration: impossibleConfig))
        let (problem, _) = builder.problem(schoolYear: 2026, replan: false)
        let result = try PlacementSolver().solve(problem)
        #expect(result.status == .infeasible)
        let file = directory.appendingPathComponent("impossible.json")
        try PlacementListing.problemJSON(problem).write(to: file)
        items.append(Item(problem: file.path, core: result.core, choices: nil))
        let answers = try oracle(items, in: directory)
        guard answers.count == 3 else { return }
        for (answer, objective) in zip(answers, objectives) {
            #expect(answer.status == "optimal")
            #expect(answer.objective == objective)
            #expect(answer.choices_check?.violations == [])
            #expect(answer.choices_check?.objective == objective)
        }
        #expect(answers[2].status == "infeasible")
        #expect(answers[2].core_check?.infeasible == true)
        #expect(answers[2].core_check?.minimal == true)
    }
}
