import Foundation
import Testing

/// The Melhus feeds `moteplan ics` writes, read by two parsers that did not write them: python
/// `icalendar` (PyPI, in `.venv-test/` from `scripts/python-deps`) and khal (Debian, which brings its
/// own python-icalendar). libical wrote the feeds and checks them before writing; it is not the judge
/// here. Every feed must parse without an error, hold exactly the meetings `moteplan plan --format csv`
/// lists for it, at their local wall time in Europe/Oslo, with UTC offsets from the feed's own
/// VTIMEZONE that agree with the tz database.
///
/// Both parsers are required: `make test` installs them. Without either these tests fail, not skip.
struct FeedClientTests {
    /// One meeting as `moteplan plan --format csv` lists it.
    struct PlanRow: Decodable, Hashable {
        let uid, structure, instance, title, start, end: String

        /// The feeds that carry the meeting: alle.ics, its structure's and, when the structure has
        /// several instances, its instance's (one feed per thing: never the same meetings twice).
        func feeds(instancesOfStructure: Int) -> [String] {
            ["alle.ics", "\(structure).ics"] + (instance.isEmpty || instancesOfStructure < 2 ? [] : ["\(structure)/\(instance).ics"])
        }
    }

    /// One VEVENT as python `icalendar` read it.
    struct ParsedEvent: Decodable, Hashable {
        let uid, start, end, summary, tzid: String
        /// Whether the UTC offsets of start and end from the feed's VTIMEZONE equal the tz database's.
        let offsetsAgree: Bool
    }

    /// One feed as python `icalendar` read it.
    struct ParsedFeed: Decodable {
        let calendars: Int
        let errors: [String]
        let events: [ParsedEvent]
    }

    /// What the python side prints.
    struct Parsed: Decodable {
        let icalendar: String
        let feeds: [String: ParsedFeed]
        let unreadable: [String: String]
        let plan: [PlanRow]
        /// Per role, unit and location id: what `moteplan plan --for ID` lists.
        let personal: [String: [PlanRow]]
    }

    /// Reads every feed under `argv[1]` with icalendar and the plan CSV `argv[2]` with csv; prints JSON.
    /// Parsing only: the comparisons are the test's.
    static let parser = #"""
        import csv, datetime, json, os, sys
        import icalendar
        out, plan, personal = sys.argv[1], sys.argv[2], sys.argv[3]
        oslo = __import__("zoneinfo").ZoneInfo("Europe/Oslo")
        result = {"icalendar": icalendar.__version__, "feeds": {}, "unreadable": {}}
        for base, _, names in os.walk(out):
            for name in names:
                if not name.endswith(".ics"):
                    continue
                path = os.path.join(base, name)
                rel = os.path.relpath(path, out)
                try:
                    data = open(path, "rb").read()
                    calendars = icalendar.Calendar.from_ical(data, multiple=True)
                    errors = [f"{c.name}: {e}" for cal in calendars for c in cal.walk() for e in c.errors]
                    zones = {str(z["TZID"]): z.to_tz(lookup_tzid=False) for cal in calendars for z in cal.walk("VTIMEZONE")}
                    events = []
                    for cal in calendars:
                        for event in cal.walk("VEVENT"):
                            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
                            tzid = str(event["DTSTART"].params.get("TZID", ""))
                            own = zones.get(tzid)
                            def agree(moment):
                                if own is None:
                                    return False
                                wall = moment.replace(tzinfo=None)
                                return wall.replace(tzinfo=own).utcoffset() == wall.replace(tzinfo=oslo).utcoffset()
                            events.append({
                                "uid": str(event["UID"]), "start": start.strftime("%Y-%m-%dT%H:%M"),
                                "end": end.strftime("%Y-%m-%dT%H:%M"), "summary": str(event["SUMMARY"]), "tzid": tzid,
                                "offsetsAgree": agree(start) and agree(end),
                            })
                    result["feeds"][rel] = {"calendars": len(calendars), "errors": errors, "events": events}
                except Exception as error:
                    result["unreadable"][rel] = f"{type(error).__name__}: {error}"
        def rows(path):
            with open(path, newline="", encoding="utf-8") as handle:
                return [
                    {key: row[key] for key in ("uid", "structure", "instance", "title", "start", "end")}
                    for row in csv.DictReader(handle)
                ]
        result["plan"] = rows(plan)
        result["personal"] = {name[:-4]: rows(os.path.join(personal, name)) for name in os.listdir(personal)}
        print(json.dumps(result))
        """#

    /// The test venv's python, made by `scripts/python-deps`.
    static var python: URL { CLI.root.appendingPathComponent(".venv-test/bin/python") }

    let directory: URL
    let out: URL
    let parsed: Parsed

    /// Publishes Melhus and lists its plan with the same state file, then parses both with python.
    init() throws {
        directory = try CLI.temporaryDirectory()
        out = directory.appendingPathComponent("feeds")
        let state = directory.appendingPathComponent("state.sqlite").path
        let common = ["--config", CLI.melhus, "--state", state, "--now", "2026-09-01T08:00"]
        let ics = try CLI.run(["ics", "--out", out.path] + common)
        try #require(ics.code == 0, "moteplan ics failed: \(ics.stderr)")
        let plan = try CLI.run(["plan", "--format", "csv"] + common)
        try #require(plan.code == 0, "moteplan plan failed: \(plan.stderr)")
        let csv = directory.appendingPathComponent("plan.csv")
        try Data(plan.stdout.utf8).write(to: csv)
        // Each personal feed's meetings as `plan --for ID` lists them.
        let personal = directory.appendingPathComponent("personal")
        try FileManager.default.createDirectory(at: personal, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("for").path) where name.hasSuffix(".ics") {
            let id = String(name.dropLast(4))
            let listed = try CLI.run(["plan", "--for", id, "--format", "csv"] + common)
            try #require(listed.code == 0, "moteplan plan --for \(id) failed: \(listed.stderr)")
            try Data(listed.stdout.utf8).write(to: personal.appendingPathComponent("\(id).csv"))
        }

        try #require(
            FileManager.default.isExecutableFile(atPath: Self.python.path),
            "\(Self.python.path) is missing: run scripts/python-deps (make test does)")
        let run = try Self.execute(Self.python, ["-c", Self.parser, out.path, csv.path, personal.path])
        try #require(run.status == 0, "python icalendar could not run: \(run.err)")
        parsed = try JSONDecoder().decode(Parsed.self, from: Data(run.out.utf8))
    }

    /// The plan's meetings per feed.
    var expected: [String: [PlanRow]] {
        var result: [String: [PlanRow]] = [:]
        var instances: [String: Set<String>] = [:]
        for row in parsed.plan { instances[row.structure, default: []].insert(row.instance) }
        for row in parsed.plan {
            for feed in row.feeds(instancesOfStructure: instances[row.structure]?.count ?? 0) { result[feed, default: []].append(row) }
        }
        for (id, rows) in parsed.personal { result["for/\(id).ics"] = rows }
        return result
    }

    @Test func pythonIcalendarParsesEveryFeedAndFindsThePlansMeetings() throws {
        #expect(parsed.icalendar == "7.3.0")
        #expect(parsed.unreadable.isEmpty, "python icalendar could not read: \(parsed.unreadable)")
        // Melhus over two school years: hundreds of meetings, and every feed the plan implies is there.
        #expect(parsed.plan.count > 300)
        #expect(Set(expected.keys).isSubset(of: Set(parsed.feeds.keys)), "feeds missing: \(Set(expected.keys).subtracting(parsed.feeds.keys))")
        for (name, feed) in parsed.feeds.sorted(by: { $0.key < $1.key }) {
            #expect(feed.calendars == 1, "\(name): \(feed.calendars) VCALENDARs")
            #expect(feed.errors.isEmpty, "\(name): \(feed.errors)")
            let rows = expected[name] ?? []
            #expect(feed.events.count == rows.count, "\(name): \(feed.events.count) VEVENTs, the plan lists \(rows.count)")
            // The same meetings: UID, local start and end (wall time in Europe/Oslo), title.
            let plan = Set(rows.map { "\($0.uid) \($0.start) \($0.end) \($0.title)" })
            let events = Set(feed.events.map { "\($0.uid) \($0.start) \($0.end) \($0.summary)" })
            #expect(events == plan, "\(name): only in the feed \(events.subtracting(plan).sorted().prefix(3)), only in the plan \(plan.subtracting(events).sorted().prefix(3))")
            #expect(feed.events.allSatisfy { $0.tzid == "Europe/Oslo" }, "\(name): a TZID other than Europe/Oslo")
            let disagree = feed.events.filter { !$0.offsetsAgree }.map(\.uid)
            #expect(disagree.isEmpty, "\(name): the feed's VTIMEZONE gives other UTC offsets than tzdata for \(disagree.prefix(3))")
        }
    }

    @Test func khalImportsEveryFeedAndListsTheMeetingsAtTheirLocalTime() throws {
        let khal = try #require(Self.findKhal(), "khal is not installed: apt-get install khal")
        let home = directory.appendingPathComponent("khal")
        let names = parsed.feeds.keys.sorted()
        // One calendar per feed: the same UID in two feeds is two events in two calendars.
        func calendar(_ feed: String) -> String {
            String(feed.dropLast(4)).replacingOccurrences(of: "/", with: "--")
        }
        var config = "[calendars]\n"
        for name in names {
            let vdir = home.appendingPathComponent("vdir").appendingPathComponent(calendar(name))
            try FileManager.default.createDirectory(at: vdir, withIntermediateDirectories: true)
            config += "[[\(calendar(name))]]\npath = \(vdir.path)\ntype = calendar\n"
        }
        config += """
            [locale]
            timeformat = %H:%M
            dateformat = %Y-%m-%d
            longdateformat = %Y-%m-%d
            datetimeformat = %Y-%m-%d %H:%M
            longdatetimeformat = %Y-%m-%d %H:%M
            local_timezone = Europe/Oslo
            default_timezone = Europe/Oslo
            firstweekday = 0
            [default]
            default_calendar = alle
            [sqlite]
            path = \(home.appendingPathComponent("khal.db").path)

            """
        let configFile = home.appendingPathComponent("config")
        try config.write(to: configFile, atomically: true, encoding: .utf8)
        let environment = [
            "PATH": "/usr/bin:/bin", "HOME": home.path, "XDG_CONFIG_HOME": home.path, "XDG_DATA_HOME": home.path,
            "XDG_CACHE_HOME": home.path, "TZ": "Europe/Oslo", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        ]
        for name in names {
            let result = try Self.execute(
                khal, ["-c", configFile.path, "import", "--batch", "-a", calendar(name), out.appendingPathComponent(name).path],
                environment: environment)
            #expect(result.status == 0 && !result.err.contains("Traceback"), "khal import \(name) failed: \(result.err)")
        }
        let listed = try Self.execute(
            khal, ["-c", configFile.path, "list", "--day-format", "", "--format", "{calendar}|{start}|{end-time}|{title}",
                   "2026-08-01", "2028-08-01"],
            environment: environment)
        try #require(listed.status == 0, "khal list failed: \(listed.err)")
        var shown: [String: [String]] = [:]
        for line in listed.out.split(separator: "\n") where line.contains("|") {
            let fields = line.split(separator: "|", maxSplits: 1).map(String.init)
            shown[fields[0], default: []].append(fields[1])
        }
        // Every feed: khal shows exactly the plan's meetings, at the plan's local times.
        for name in names {
            let plan = (expected[name] ?? []).map { row in
                "\(row.start.replacingOccurrences(of: "T", with: " "))|\(row.end.suffix(5))|\(row.title)"
            }
            let khalLines = shown[calendar(name)] ?? []
            #expect(khalLines.count == plan.count, "\(name): khal lists \(khalLines.count) meetings, the plan \(plan.count)")
            #expect(khalLines.sorted() == plan.sorted(), "\(name): khal and the plan differ")
        }
        // Known meetings, worked out from Config/melhus.toml, not from moteplan: a network meets the
        // third Wednesday of September at 13:00–15:30 (summer time), the samarbeidsgruppe the first
        // Thursday of January at 09:00–11:30 (winter time).
        #expect(shown["nettverk--melhus-vest"]?.contains("2026-09-16 13:00|15:30|Tverrfaglig nettverk – Melhus vest") == true,
                "khal printed: \(shown["nettverk--melhus-vest"] ?? [])")
        #expect(shown["samarbeidsgruppe"]?.contains("2027-01-07 09:00|11:30|Tverrfaglig samarbeidsgruppe barn og unge") == true,
                "khal printed: \(shown["samarbeidsgruppe"] ?? [])")
        #expect(shown["alle"]?.contains("2026-09-16 13:00|15:30|Tverrfaglig nettverk – Melhus vest") == true)
    }

    static func findKhal() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return (path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"])
            .map { URL(fileURLWithPath: $0).appendingPathComponent("khal") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `executable`; returns exit status, stdout and stderr.
    static func execute(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws
        -> (status: Int32, out: String, err: String)
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        process.standardOutput = out
        // Standard error to a file: khal may print more than a pipe holds while stdout is read.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("moteplan-stderr-\(UUID().uuidString)")
        try Data().write(to: errFile)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let err = try FileHandle(forWritingTo: errFile)
        defer { try? err.close() }
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = try Data(contentsOf: errFile)
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
