import Foundation
import MoteplanSolver
import Testing

/// The JSON form: the keys as other tools write them, defaults for keys left out, sorted keys on
/// the way out, and messages that say where a file is wrong.
struct ProblemJSONTests {
    static let example = """
        {
          "resources": [ { "id": "ppt", "capacity": 3, "buffer_minutes": 0,
                           "unavailable": [ {"start": 100, "end": 160} ] },
                         { "id": "gimse", "capacity": 1, "buffer_minutes": 15, "unavailable": [] } ],
          "instances": [ { "id": "lokalt-team/gimse",
                           "choices": [ { "id": "2. tirsdag 12:30", "penalty": 0,
                                          "occurrences": [ {"start": 1000, "end": 1090, "resources": ["ppt","gimse"]} ] },
                                        { "id": "3. onsdag 08:30", "penalty": 2,
                                          "occurrences": [ {"start": 2000, "end": 2090, "resources": ["ppt","gimse"]} ] } ],
                           "pinned": null,
                           "published": 1,
                           "change_weight": 4 } ],
          "fixed": [ {"start": 500, "end": 590, "resources": ["ppt"]} ],
          "soft_limits": [ { "name": "spread ppt week 1 of 2026-09", "weight": 1, "at_most": 1,
                             "members": [ {"instance": 0, "choice": 0}, {"instance": 0, "choice": 1} ] } ]
        }
        """

    @Test func readsTheDocumentedForm() throws {
        let problem = try PlacementProblem(json: Data(Self.example.utf8))
        #expect(problem.resources.map(\.id) == ["ppt", "gimse"])
        #expect(problem.resources[1].bufferMinutes == 15)
        #expect(problem.resources[0].unavailable == [.init(start: 100, end: 160)])
        let instance = try #require(problem.instances.first)
        #expect(instance.pinned == nil)
        #expect(instance.published == 1)
        #expect(instance.changeWeight == 4)
        #expect(instance.choices[1].penalty == 2)
        #expect(instance.choices[0].occurrences[0].resources == ["ppt", "gimse"])
        #expect(problem.fixed.count == 1)
        #expect(problem.softLimits[0].atMost == 1)
        #expect(problem.softLimits[0].members == [.init(instance: 0, choice: 0), .init(instance: 0, choice: 1)])
    }

    @Test func writesSortedSnakeCaseKeysAndNulls() throws {
        let problem = try PlacementProblem(json: Data(Self.example.utf8))
        let text = String(decoding: try problem.jsonData(), as: UTF8.self)
        for key in ["\"buffer_minutes\"", "\"change_weight\"", "\"soft_limits\"", "\"at_most\"", "\"pinned\":null"] {
            #expect(text.contains(key), "\(key) in \(text)")
        }
        #expect(!text.contains("bufferMinutes"))
        // Sorted keys: "fixed" first at the top level, and in every object.
        #expect(text.hasPrefix("{\"fixed\":[{\"end\":590,\"resources\":[\"ppt\"],\"start\":500}],\"instances\":"))
        #expect(text.contains("{\"buffer_minutes\":0,\"capacity\":3,\"id\":\"ppt\",\"unavailable\":[{\"end\":160,\"start\":100}]}"))
        #expect(text.contains("\"change_weight\":4,\"choices\":["))
        #expect(try PlacementProblem(json: try problem.jsonData()) == problem)
        #expect(try problem.jsonData() == (try PlacementProblem(json: try problem.jsonData()).jsonData()))
    }

    @Test func keysWithDefaultsMayBeLeftOut() throws {
        let text = """
            {"resources": [{"id": "r", "capacity": 1}],
             "instances": [{"id": "a", "choices": [{"id": "c", "occurrences": [{"start": 0, "end": 60, "resources": ["r"]}]}]}]}
            """
        let problem = try PlacementProblem(json: Data(text.utf8))
        #expect(problem.resources[0].bufferMinutes == 0)
        #expect(problem.resources[0].unavailable.isEmpty)
        #expect(problem.instances[0].pinned == nil && problem.instances[0].published == nil)
        #expect(problem.instances[0].changeWeight == 0)
        #expect(problem.instances[0].choices[0].penalty == 0)
        #expect(problem.fixed.isEmpty && problem.softLimits.isEmpty)
    }

    @Test func aMissingKeyIsNamedWithItsPlace() throws {
        let text = """
            {"resources": [], "instances": [{"id": "a", "choices": [{"id": "c"}]}]}
            """
        let error = try #require(throws: PlacementError.self) { try PlacementProblem(json: Data(text.utf8), source: "p.json") }
        #expect(error.code == .unreadableProblem)
        #expect(error.description.contains("p.json"))
        #expect(error.description.contains("instances[0].choices[0]"))
        #expect(error.description.contains("'occurrences' is missing"))
    }

    @Test func aFileThatIsNotThereSaysSo() throws {
        let url = URL(fileURLWithPath: "/nonexistent/moteplan/problem.json")
        let error = try #require(throws: PlacementError.self) { try PlacementProblem(contentsOf: url) }
        #expect(error.code == .unreadableProblem)
        #expect(error.description.contains("/nonexistent/moteplan/problem.json"))
    }

    @Test func writesAndReadsAFile() throws {
        let problem = try PlacementProblem(json: Data(Self.example.utf8))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("moteplan-problem-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try problem.write(to: url)
        #expect(try PlacementProblem(contentsOf: url) == problem)
    }
}
