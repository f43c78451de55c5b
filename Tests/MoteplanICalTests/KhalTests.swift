import Foundation
import MoteplanICal
import Testing

/// Debian's khal 0.10 (python-icalendar 4.0.3) imports a feed and shows the meetings at the right time.
///
/// khal is required: CI installs it (`apt-get install khal`). Without it these tests fail, not skip.
struct KhalTests {
    /// A khal set-up in its own temporary directory, with fixed time zone and locale.
    struct Khal {
        let root: URL
        let executable: URL

        init() throws {
            executable = try #require(Self.find(), "khal is not installed: apt-get install khal")
            root = FileManager.default.temporaryDirectory
                .appendingPathComponent("moteplan-khal-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("vdir"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("home"), withIntermediateDirectories: true)
        }

        static func find() -> URL? {
            let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
            let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
            return directories.map { URL(fileURLWithPath: $0).appendingPathComponent("khal") }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        }

        /// Writes a config whose local time zone is `localZone`; returns its path.
        func config(localZone: String) throws -> String {
            let file = root.appendingPathComponent("config-\(localZone.replacingOccurrences(of: "/", with: "-"))")
            let text = """
                [calendars]
                [[moteplan]]
                path = \(root.appendingPathComponent("vdir").path)
                type = calendar

                [locale]
                timeformat = %H:%M
                dateformat = %Y-%m-%d
                longdateformat = %Y-%m-%d
                datetimeformat = %Y-%m-%d %H:%M
                longdatetimeformat = %Y-%m-%d %H:%M
                local_timezone = \(localZone)
                default_timezone = \(localZone)
                firstweekday = 0

                [default]
                default_calendar = moteplan

                [sqlite]
                path = \(root.appendingPathComponent("khal-\(localZone.replacingOccurrences(of: "/", with: "-")).db").path)

                """
            try text.write(to: file, atomically: true, encoding: .utf8)
            return file.path
        }

        /// Runs khal; returns exit status, stdout and stderr.
        func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            let home = root.appendingPathComponent("home").path
            process.environment = [
                "PATH": "/usr/bin:/bin", "HOME": home, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home,
                "XDG_CACHE_HOME": home, "TZ": "Europe/Oslo", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            ]
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: outData, as: UTF8.self),
                String(decoding: errData, as: UTF8.self))
        }

        /// Imports `feed` into the calendar and checks khal reported no error.
        func importFeed(_ feed: String, config: String) throws {
            let file = root.appendingPathComponent("feed-\(UUID().uuidString).ics")
            try feed.write(to: file, atomically: true, encoding: .utf8)
            let result = try run(["-c", config, "import", "--batch", "-a", "moteplan", file.path])
            #expect(result.status == 0, "khal import failed: \(result.err)")
            #expect(!result.err.contains("Traceback"), "khal import crashed: \(result.err)")
        }

        func list(_ config: String, _ range: [String]) throws -> String {
            let result = try run(["-c", config, "list", "--format", "{start-time}-{end-time} {title}"] + range)
            #expect(result.status == 0, "khal list failed: \(result.err)")
            return result.out
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func feed() throws -> String {
        try Fixtures.serializer().serialize(
            [Fixtures.confirmed, Fixtures.cancelled] + DSTTests.days.map { Fixtures.twoPM(month: $0.0, day: $0.1) })
    }

    @Test func khalShowsTheMeetingAtFourteenHundredLocal() throws {
        let khal = try Khal()
        defer { khal.remove() }
        let config = try khal.config(localZone: "Europe/Oslo")
        try khal.importFeed(try Self.feed(), config: config)
        let after = try khal.list(config, ["2027-03-29", "1d"])
        #expect(after.contains("14:00-15:00 Møte 29.3"), "khal list 2027-03-29 1d printed: \(after)")
        let before = try khal.list(config, ["2027-03-27", "1d"])
        #expect(before.contains("14:00-15:00 Møte 27.3"), "khal printed: \(before)")
        let september = try khal.list(config, ["2026-09-08", "1d"])
        #expect(september.contains("14:00-15:30 Ledermøte oppvekst"), "khal printed: \(september)")
    }

    /// khal converts TZIDs it knows from pytz itself; with a TZID pytz does not know it must build the
    /// zone from our VTIMEZONE (python-icalendar's `to_tz`, which fails on UNTIL). Shown in UTC, the
    /// times reveal whether the offsets were right on both sides of both switches.
    @Test func khalUnderstandsTheEmittedVTimezoneItself() throws {
        let khal = try Khal()
        defer { khal.remove() }
        let renamed = try Self.feed()
            .replacingOccurrences(of: "TZID:Europe/Oslo", with: "TZID:Moteplan-Oslo")
            .replacingOccurrences(of: ";TZID=Europe/Oslo:", with: ";TZID=Moteplan-Oslo:")
        #expect(FeedValidator.problems(in: renamed) == [])
        let config = try khal.config(localZone: "UTC")
        try khal.importFeed(renamed, config: config)
        let march = try khal.list(config, ["2027-03-27", "2027-03-30"])
        #expect(march.contains("13:00-14:00 Møte 27.3"), "khal printed: \(march)")
        #expect(march.contains("12:00-13:00 Møte 29.3"), "khal printed: \(march)")
        let october = try khal.list(config, ["2027-10-30", "2027-11-02"])
        #expect(october.contains("12:00-13:00 Møte 30.10"), "khal printed: \(october)")
        #expect(october.contains("13:00-14:00 Møte 1.11"), "khal printed: \(october)")
    }
}
