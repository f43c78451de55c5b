import Foundation
import Testing
@testable import MoteplanCore

/// Values at the edges of what a number or a date can hold: each is a located error at load,
/// never a trap (a crashed `check`, a dead server) or a loop (a `check` that never returns).
struct HardeningConfigTests {
    func expectLocated(_ text: String, _ fragment: String, lineOf needle: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let errors = Fixtures.errors(text)
        let match = errors.first { $0.message.contains(fragment) }
        #expect(match != nil, "no error mentions \(fragment): \(errors.map(\.description))", sourceLocation: sourceLocation)
        #expect(match?.line == Fixtures.line(of: needle, in: text), "\(String(describing: match))", sourceLocation: sourceLocation)
    }

    /// Int64.max minutes used to overflow in LocalTime.adding(minutes:) (SIGILL).
    @Test func hugeDurationIsALocatedError() {
        for minutes in ["9223372036854775807", "-9223372036854775808", "0", "-1", "1441"] {
            let text = Fixtures.melhus(
                replacing: "start = \"12:30\"\nend = \"14:00\"\nleader = \"unit-head\"",
                with: "start = \"12:30\"\nduration_minutes = \(minutes)\nleader = \"unit-head\"")
            expectLocated(text, "does not end the same day", lineOf: "duration_minutes = \(minutes)")
        }
        #expect(LocalTime(hour: 12, minute: 0)?.adding(minutes: Int.max) == nil)
        #expect(LocalTime(hour: 12, minute: 0)?.adding(minutes: Int.min) == nil)
        #expect(LocalTime(hour: 12, minute: 0)?.adding(minutes: 90) == LocalTime(hour: 13, minute: 30))
    }

    /// A horizon reaching year 9999 looped forever; one from year 0001 tripped a precondition.
    @Test func horizonYearsOutsideThePlanningWindowAreRefused() {
        for (from, to) in [("9990-08-01", "9999-12-31"), ("0001-01-01", "0002-12-31"), ("1899-01-01", "1900-06-30")] {
            let text = Fixtures.melhus(
                replacing: "school_years = [\"2026/27\", \"2027/28\"]", with: "from = \(from)\nto = \(to)")
            expectLocated(text, "outside the years moteplan plans (1900–2200)", lineOf: "from = \(from)")
        }
        for label in ["2200/01"] {
            let text = Fixtures.melhus(
                replacing: "school_years = [\"2026/27\", \"2027/28\"]", with: "school_years = [\"\(label)\"]")
            expectLocated(text, "outside the years moteplan plans", lineOf: "school_years = [\"\(label)\"]")
        }
        for label in ["9998/99", "0001/02", "1899/00"] {
            let text = Fixtures.melhus(
                replacing: "school_years = [\"2026/27\", \"2027/28\"]", with: "school_years = [\"\(label)\"]")
            expectLocated(text, "is not a school year", lineOf: "school_years = [\"\(label)\"]")
        }
    }

    /// Every date in the config is held to the same window (a school holiday in year 9999 too).
    @Test func anyDateFarOutsideIsLocated() {
        let text = Fixtures.melhus(replacing: "date = 2026-12-24", with: "date = 9999-12-24")
        expectLocated(text, "outside the years moteplan plans", lineOf: "date = 9999-12-24")
    }

    /// A table header of 40,000 dotted parts (98 KB) kept `check` busy for over a minute.
    @Test func overlongDottedHeaderIsRefusedAtOnce() {
        let header = "[" + Array(repeating: "a", count: 40_000).joined(separator: ".") + "]\nx = 1\n"
        let text = Fixtures.melhusText + "\n" + header
        let errors = Fixtures.errors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("more than \(SourceLocator.maxKeyParts) dotted parts") == true)
        #expect(errors.first?.line == Fixtures.line(of: "[a.a.a", in: text))
        // A dotted key inside a table is held to the same limit; sixteen parts are still fine.
        let key = Array(repeating: "b", count: 17).joined(separator: ".") + " = 1\n"
        #expect(Fixtures.errors(Fixtures.melhusText + "\n[extra]\n" + key).first?.message.contains("dotted parts") == true)
        let fine = Array(repeating: "b", count: 16).joined(separator: ".") + " = 1\n"
        #expect(Fixtures.errors(Fixtures.melhusText + "\n[extra]\n" + fine).allSatisfy { !$0.message.contains("dotted parts") })
    }

    /// Text with a control character would reach mails, feeds and pages: refused by scalar,
    /// also CRLF (one Character that equals neither "\r" nor "\n").
    @Test func controlCharactersInConfigTextAreLocated() {
        for escape in ["\\r\\n", "\\n", "\\u001b", "\\u0007", "\\u2028", "\\t"] {
            let text = Fixtures.melhus(replacing: "name = \"Melhus kommune\"", with: "name = \"Melhus\(escape)kommune\"")
            expectLocated(text, "contains the control character", lineOf: "name = \"Melhus\(escape)kommune\"")
        }
        // toml++ cuts a string at NUL, so the escape is refused before parsing; an escaped
        // backslash followed by "u0000" is plain text.
        for escape in ["\\u0000", "\\U00000000"] {
            let text = Fixtures.melhus(replacing: "name = \"Melhus kommune\"", with: "name = \"Melhus\(escape)kommune\"")
            expectLocated(text, "writes a NUL character", lineOf: "name = \"Melhus\(escape)")
            // At the backslash: `name = "Melhus` is 14 characters.
            #expect(Fixtures.errors(text).first { $0.message.contains("NUL") }?.column == 15)
            // Columns count characters, not bytes.
            let accented = Fixtures.melhus(replacing: "name = \"Melhus kommune\"", with: "name = \"Møre\(escape)kommune\"")
            #expect(Fixtures.errors(accented).first { $0.message.contains("NUL") }?.column == 13)
        }
        #expect(Fixtures.errors(Fixtures.melhus(replacing: "name = \"Melhus kommune\"", with: "name = \"Melhus \\\\u0000 kommune\"")).isEmpty)
    }

    @Test func freeTextRulesJudgeScalarsNotCharacters() {
        #expect(FreeText.firstControl(in: "a\r\nb") == "\r")
        #expect(FreeText.firstControl(in: "arkiv 2026/123") == nil)
        #expect(FreeText.firstControl(in: "Møte – «æøå» 😀") == nil)
        #expect(ReferatRecord.validateReference("sak\r\nContent-Type: text/html") != nil)
        #expect(ReferatRecord.validateReference("sak\u{0}skjult") != nil)
        #expect(ReferatRecord.validateReference("sak\u{1b}[31m") != nil)
        #expect(ReferatRecord.validateReference("https://arkiv.example.no/sak/2026-123") == nil)
        #expect(ReferatRecord.validateDeliveredBy("Kari\r\nBcc: x@y") != nil)
    }
}
