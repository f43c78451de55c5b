import Foundation
import MoteplanSolver

/// scripts/placement-oracle: OR-Tools CP-SAT on the same JSON, in a process of its own.
///
/// The script makes its python environment (.venv-oracle) on first use; when it cannot (no venv
/// module, no PyPI), it exits with an error and the tests that need it fail, not skip (unless
/// ALLOW_SKIP=1 is set).
enum Oracle {
    /// The repository root: three levels above this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let script = root.appendingPathComponent("scripts/placement-oracle")

    /// One problem for the oracle: a file, and optionally a core and a placement to check.
    struct Item: Encodable {
        var problem: String
        var core: [String]?
        var choices: [Int]?
    }

    /// The oracle's answer for one item.
    struct Answer: Decodable {
        var status: String
        var objective: Int
        var choices: [Int]
        var coreCheck: CoreCheck?
        var choicesCheck: ChoicesCheck?

        enum CodingKeys: String, CodingKey {
            case status, objective, choices
            case coreCheck = "core_check"
            case choicesCheck = "choices_check"
        }
    }

    /// Whether a core is infeasible on its own and needs every group.
    struct CoreCheck: Decodable {
        var infeasible: Bool
        var minimal: Bool
        var notNeeded: [String]
        var unknownGroups: [String]

        enum CodingKeys: String, CodingKey {
            case infeasible, minimal
            case notNeeded = "not_needed"
            case unknownGroups = "unknown_groups"
        }
    }

    /// The hard rules a placement breaks and its objective, as python computes them.
    struct ChoicesCheck: Decodable {
        var violations: [String]
        var objective: Int?
    }

    /// An oracle run that did not end well.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the oracle once on all `items` (one process: OR-Tools takes a while to import).
    static func run(_ items: [Item], in directory: URL) throws -> [Answer] {
        let manifest = directory.appendingPathComponent("manifest.json")
        try JSONEncoder().encode(items).write(to: manifest)
        let process = Process()
        process.executableURL = script
        process.arguments = ["--batch", manifest.path]
        let output = directory.appendingPathComponent("oracle.out")
        let errors = directory.appendingPathComponent("oracle.err")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run \(script.path): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        let errorText = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(script.path) exited with \(process.terminationStatus): \(errorText)")
        }
        return try JSONDecoder().decode([Answer].self, from: Data(contentsOf: output))
    }
}
