import Foundation

/// Runs the built `moteplan` binary as a user would, capturing exit code and output.
enum CLI {
    struct Result {
        var code: Int32
        var stdout: String
        var stderr: String
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary beside the test bundle (swift build puts both in the same directory).
    static var binary: URL {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let beside = bundleDirectory.appendingPathComponent("moteplan")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return root.appendingPathComponent(".build/debug/moteplan")
    }

    static var melhus: String { root.appendingPathComponent("Tests/Fixtures/melhus-fixed.toml").path }

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["MOTEPLAN_CONFIG"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            code: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts the binary without waiting (output discarded).
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Rows of `query` on the SQLite file at `path`, read with python's sqlite3 (a second client),
    /// one line per row, columns joined by "|".
    static func sqlite(_ path: String, _ query: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import sqlite3,sys\nfor r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print('|'.join(str(v) for v in r))",
            path, query,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A copy of the Melhus config (with its templates) in a new directory, with the three networks
    /// all on the 3rd Wednesday 13:00–15:30 as the plan's table first had them: the report's
    /// hand-worked figures were worked out for that schedule.
    static func melhusNetworksTogether() throws -> String {
        let directory = try temporaryDirectory()
        let text = try String(contentsOfFile: melhus, encoding: .utf8)
        var kept = text
        if let start = text.range(of: "# De tre nettverkene deler tjenestene"),
            let sor = text.range(of: "id = \"melhus-sor\"\ncadence", range: start.upperBound..<text.endIndex),
            let end = text.range(of: "\n", range: sor.upperBound..<text.endIndex)
        {
            kept = String(text[..<start.lowerBound]) + String(text[end.upperBound...])
        }
        let path = directory.appendingPathComponent("melhus.toml")
        try Data(kept.utf8).write(to: path)
        try FileManager.default.copyItem(at: root.appendingPathComponent("Config/templates"), to: directory.appendingPathComponent("templates"))
        return path.path
    }

    /// The Melhus config without its `[[structures.instances]]` tables (every lokalt team on the
    /// 2nd Tuesday 12:30, every network on the 3rd Wednesday 13:00), written once per test run:
    /// the double-booked plan the conflict tests need.
    static let melhusTogether: String = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("moteplan-together-\(UUID().uuidString)")
        let text = (try? String(contentsOfFile: melhus, encoding: .utf8)) ?? ""
        let together = text.replacingOccurrences(
            of: #"\[\[structures\.instances\]\]\n(?:[a-z_]+ = [^\n]*\n)*"#, with: "", options: .regularExpression)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? FileManager.default.copyItem(at: root.appendingPathComponent("Config/templates"), to: directory.appendingPathComponent("templates"))
        let path = directory.appendingPathComponent("melhus.toml")
        try? Data(together.utf8).write(to: path)
        return path.path
    }()

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("moteplan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under `directory` with its bytes and modification date: to prove nothing changed.
    static func snapshot(_ directory: URL) -> [String: (Data, Date)] {
        var result: [String: (Data, Date)] = [:]
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(at: directory, includingPropertiesForKeys: [.contentModificationDateKey]) else {
            return result
        }
        for case let url as URL in enumerator {
            guard let data = fm.contents(atPath: url.path) else { continue }
            let date = (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            result[url.path.replacingOccurrences(of: directory.path, with: "")] = (data, date)
        }
        return result
    }

    static func same(_ a: [String: (Data, Date)], _ b: [String: (Data, Date)]) -> Bool {
        a.count == b.count && a.allSatisfy { key, value in b[key].map { $0.0 == value.0 && $0.1 == value.1 } ?? false }
    }
}
