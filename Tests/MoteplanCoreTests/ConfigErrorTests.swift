import Testing
@testable import MoteplanCore

/// Every kind of bad input gets an error that names the place (file:line:col and key path)
/// and says what to do. Each case edits one spot of the Melhus config.
struct ConfigErrorTests {
    /// Loads `text`, expects exactly the errors to mention `fragment`, located on the line of `lineOf`.
    func expectError(_ text: String, _ fragment: String, lineOf needle: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let errors = Fixtures.errors(text)
        #expect(!errors.isEmpty, "no error; expected \(fragment)", sourceLocation: sourceLocation)
        guard let error = errors.first(where: { $0.message.contains(fragment) }) else {
            Issue.record("no error mentions \(fragment): \(errors.map(\.description))", sourceLocation: sourceLocation)
            return
        }
        #expect(error.line == Fixtures.line(of: needle, in: text), "\(error)", sourceLocation: sourceLocation)
        #expect(error.column != nil, sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("test.toml:\(error.line ?? 0):\(error.column ?? 0): error: "), sourceLocation: sourceLocation)
    }

    @Test func melhusHasNoErrors() {
        #expect(Fixtures.errors(Fixtures.melhusText).isEmpty)
    }

    @Test func syntaxErrorIsLocatedLikeACompilerError() {
        let text = Fixtures.melhus(replacing: "name = \"Melhus kommune\"", with: "name = \"Melhus kommune")
        let errors = Fixtures.errors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.line == Fixtures.line(of: "name = \"Melhus kommune", in: text))
        #expect(errors.first?.description.hasPrefix("test.toml:\(errors.first?.line ?? 0):") ?? false)
    }

    @Test func unknownKeyNamesTheClosestKnownKey() {
        let text = Fixtures.melhus(replacing: "refresh_hours = 12", with: "refresh_hour = 12")
        expectError(text, "unknown key \"refresh_hour\". Did you mean \"refresh_hours\"?", lineOf: "refresh_hour = 12")
    }

    @Test func unknownKeyWithNorwegianLetters() {
        let text = Fixtures.melhus(replacing: "school_years = [\"2026/27\", \"2027/28\"]", with: "school_years = [\"2026/27\", \"2027/28\"]\n\"skoleår\" = 2")
        expectError(text, "unknown key \"skoleår\"", lineOf: "\"skoleår\"")
    }

    @Test func unknownRoleReference() {
        let text = Fixtures.melhus(replacing: "leader = \"leder-drofting\"", with: "leader = \"leder-drofing\"")
        expectError(text, "unknown role or unit \"leder-drofing\". Did you mean \"leder-drofting\"?", lineOf: "leader = \"leder-drofing\"")
    }

    @Test func unknownUnitReference() {
        let text = Fixtures.melhus(
            replacing: "\"gimse-barneskole\", \"gimse-ungdomsskole\", \"hoyeggen-barneskole\"",
            with: "\"gimse-barneskole\", \"gimse-ungdomsskole\", \"hoyegen-barneskole\"")
        expectError(text, "unknown unit \"hoyegen-barneskole\". Did you mean \"hoyeggen-barneskole\"?", lineOf: "\"hoyegen-barneskole\"")
    }

    @Test func unknownGroupReference() {
        let text = Fixtures.melhus(replacing: "per = \"group\"", with: "per = \"group\"\ngroups = [\"nedre-melhus\", \"melhus-syd\"]")
        expectError(text, "unknown group \"melhus-syd\". Did you mean \"melhus-sor\"?", lineOf: "groups = [\"nedre-melhus\"")
    }

    @Test func impossibleTime() {
        let text = Fixtures.melhus(
            replacing: "start = \"12:30\"\nend = \"14:00\"\nleader = \"unit-head\"", with: "start = \"25:00\"\nend = \"14:00\"\nleader = \"unit-head\"")
        expectError(text, "\"25:00\" is not a time of day", lineOf: "start = \"25:00\"")
    }

    @Test func endBeforeStart() {
        let text = Fixtures.melhus(replacing: "start = \"10:00\"\nend = \"12:00\"", with: "start = \"10:00\"\nend = \"09:00\"")
        expectError(text, "ends (09:00) before it starts (10:00)", lineOf: "end = \"09:00\"")
    }

    @Test func unknownCadenceWord() {
        let text = Fixtures.melhus(replacing: "kind = \"weeks\"", with: "kind = \"weekz\"")
        expectError(text, "unknown cadence \"weekz\". Did you mean \"weeks\"?", lineOf: "kind = \"weekz\"")
    }

    @Test func unknownWeekday() {
        let text = Fixtures.melhus(replacing: "nth = [3], weekday = \"onsdag\"", with: "nth = [3], weekday = \"onsdg\"")
        expectError(text, "unknown weekday \"onsdg\". Did you mean \"onsdag\"?", lineOf: "weekday = \"onsdg\"")
    }

    @Test func reversedHolidayRange() {
        let text = Fixtures.melhus(
            replacing: "{ name = \"Juleferie\", from = 2026-12-21, to = 2027-01-01 }",
            with: "{ name = \"Juleferie\", from = 2027-01-01, to = 2026-12-21 }")
        expectError(text, "Juleferie ends (2026-12-21) before it starts (2027-01-01); swap from and to", lineOf: "from = 2027-01-01, to = 2026-12-21")
    }

    @Test func overlappingHolidayRanges() {
        let text = Fixtures.melhus(
            replacing: "{ name = \"Påskeferie\", from = 2027-03-22, to = 2027-03-29 }",
            with: "{ name = \"Påskeferie\", from = 2027-02-26, to = 2027-03-29 }")
        expectError(text, "Påskeferie (2027-02-26–2027-03-29) overlaps Vinterferie (2027-02-22–2027-02-28)", lineOf: "from = 2027-02-26")
    }

    @Test func unknownTimeZone() {
        let text = Fixtures.melhus(replacing: "time_zone = \"Europe/Oslo\"", with: "time_zone = \"Europe/Olso\"")
        expectError(text, "unknown time zone \"Europe/Olso\"", lineOf: "time_zone = \"Europe/Olso\"")
    }

    @Test func missingTimeZoneDataHasItsOwnMessage() throws {
        let bytes = Array(Fixtures.melhusText.utf8)
        #expect(throws: ConfigError.self) {
            try ConfigLoader.parse(bytes: bytes, file: "m.toml", zoneStatus: { _ in .noTimeZoneData })
        }
        do {
            _ = try ConfigLoader.parse(bytes: bytes, file: "m.toml", zoneStatus: { _ in .noTimeZoneData })
        } catch let error as ConfigError {
            #expect(error.description.contains("install it (apt-get install tzdata)"))
        }
    }

    @Test func duplicateIDs() {
        let text = Fixtures.melhus(replacing: "id = \"nav\"", with: "id = \"ppt\"")
        expectError(text, "duplicate id \"ppt\": already used by units[17]", lineOf: "id = \"ppt\"\nname = \"NAV\"")
    }

    @Test func unknownVersion() {
        let text = Fixtures.melhus(replacing: "version = 1", with: "version = 2")
        expectError(text, "version 2 is not known to this moteplan", lineOf: "version = 2")
    }

    @Test func badSchoolYearLabel() {
        let text = Fixtures.melhus(replacing: "school_years = [\"2026/27\", \"2027/28\"]", with: "school_years = [\"2026/28\", \"2027/28\"]")
        expectError(text, "\"2026/28\" is not a school year; write it as \"2026/27\"", lineOf: "school_years = [\"2026/28\"")
    }

    @Test func wrongTypeIsNamed() {
        let text = Fixtures.melhus(replacing: "refresh_hours = 12", with: "refresh_hours = \"12\"")
        expectError(text, "expected a whole number, found string", lineOf: "refresh_hours = \"12\"")
    }

    @Test func invalidUTF8IsLocated() {
        var bytes = Array("version = 1\n# ok\nx = \"".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\"\n".utf8)
        do {
            _ = try ConfigLoader.parse(bytes: bytes, file: "bad.toml")
            Issue.record("accepted invalid UTF-8")
        } catch let error as ConfigError {
            #expect(error.description == "bad.toml:3:6: error: the file is not valid UTF-8; save it as UTF-8 text.")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func structureWithoutMeetingsIsAWarningNotAnError() throws {
        let loaded = try Fixtures.load(Fixtures.minimal(structure: #"cadence = { kind = "dates", dates = [2030-01-08] }"#))
        let schedule = Scheduler(configuration: loaded.configuration).schedule()
        let warnings = ScheduleWarnings.diagnostics(for: schedule, loaded: loaded)
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message.contains("structure \"s\" has no meetings in the horizon") ?? false)
        #expect(warnings.first?.line == Fixtures.line(of: "cadence =", in: loaded.source))
    }
}

/// Inputs that made toml++ 3.4 abort the process (found by scripts/fuzz-config): they must be
/// ordinary located syntax errors.
struct MalformedHeaderTests {
    @Test(arguments: ["[\n", "[[ø]]\n", "[æ]\n", "[[[a]]\n", "[,\n", "[{\n", "[ \n", "[.a]\n", "[[=]]\n", "[#x]\n", "version = 1\n\n  [[\u{7f}]]\n"])
    func malformedTableHeaderIsASyntaxError(text: String) {
        let errors = Fixtures.errors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("invalid table header") ?? false)
        #expect(errors.first?.line != nil && errors.first?.column != nil)
    }

    @Test(arguments: ["x = [ } ]\n", "x = [ 1, } ]\n", "x = [\n} { a = 1 },\n]\n", "x = [ [ } ] ]\n", "x = [ { a = [ } ] } ]\n"])
    func braceOpeningAnArrayElementIsASyntaxError(text: String) {
        // toml++ 3.4 aborts in parse_value on these (found by scripts/fuzz-config).
        let errors = Fixtures.errors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.message == "unexpected '}' in an array; close the array with ']' or remove the brace.")
    }

    @Test func bracketsInsideArraysAreNotHeaders() throws {
        // A line starting with '[' inside a multi-line array is a value, not a table header.
        let text = Fixtures.minimal(structure: "cadence = { kind = \"weeks\", weeks = [\n6,\n17], weekday = \"onsdag\" }", extra: "[[units]]\nid = \"u\"\nname = \"U\"\nkind = [\n\"skole\"]\nhead = \"Rektor\"")
        #expect(Fixtures.errors(text).isEmpty)
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let errors = Fixtures.errors("version = 1\nx = " + String(repeating: "[", count: 100_000) + "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("nested") ?? false)
        // Nested below toml++'s limit, a bad header after it is still caught before toml++ sees it.
        let text = "version = 1\nx = " + String(repeating: "[", count: 250) + String(repeating: "]", count: 250) + "\n[ø]\n"
        #expect(Fixtures.errors(text).first?.message.hasPrefix("invalid table header") ?? false)
    }

    @Test func missingRootKeyPointsAtTheTopOfTheFile() {
        let errors = Fixtures.errors("[municipality]\nname = \"x\"\n")
        let version = errors.first { $0.keyPath == "version" }
        #expect(version?.line == 1 && version?.column == 1)
    }
}
