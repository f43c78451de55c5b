import Foundation
import Testing

@testable import MoteplanCore

/// The language catalogues (Config/language/*.toml): complete, alike, embedded, and the only place
/// in Sources/ with Norwegian sentences.
@Suite struct LanguageCatalogueTests {
    /// Bokmål words that a Swift file outside the catalogue would only contain as a Norwegian
    /// sentence (the list).
    static let bokmalWords = ["Leder", "Deltakere", "ikke", "hva", "hvem", "leveres", "Flyttet"]

    /// Files that are the catalogue, or embed Config/ files people edit (configs and templates).
    static let embedded: Set<String> = [
        "EmbeddedCatalogues.swift", "MelhusExample.swift", "StarterConfig.swift", "DefaultTemplates.swift",
        "NynorskExample.swift",
    ]

    @Test func bothLanguagesAreEmbeddedAndParse() {
        #expect(Catalogue.codes == ["nb", "nn"])
        for code in Catalogue.codes {
            let catalogue = Catalogue.named(code)
            #expect(catalogue?.code == code)
            #expect((catalogue?.keys.count ?? 0) > 10, "\(code) did not parse")
            let file = Fixtures.root.appendingPathComponent("Config/language/\(code).toml")
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            // The embedded tables are the file's texts and lists, exactly.
            let parsed = Catalogue(code: code, toml: text)
            #expect(parsed != nil, "Config/language/\(code).toml does not parse")
            #expect(catalogue?.texts == parsed?.texts, "run scripts/embed-example")
            #expect(catalogue?.lists == parsed?.lists, "run scripts/embed-example")
        }
    }

    /// Every catalogue has the bokmål keys and lists, no others, and the same placeholders in each text.
    @Test func everyCatalogueHasTheSameKeysAndPlaceholders() throws {
        let nb = try #require(Catalogue.named("nb"))
        for code in Catalogue.codes where code != "nb" {
            let other = try #require(Catalogue.named(code))
            #expect(nb.keys.subtracting(other.keys).sorted() == [], "\(code) lacks these")
            #expect(other.keys.subtracting(nb.keys).sorted() == [], "\(code) has these that nb lacks")
            #expect(nb.listKeys == other.listKeys)
            for key in nb.keys.intersection(other.keys) {
                let phrase = Phrase(key)
                #expect(Self.placeholders(nb(phrase)) == Self.placeholders(other(phrase)), "\(code) \(key)")
            }
            for key in nb.listKeys { #expect(nb.list(key).count == other.list(key).count, "\(code) \(key)") }
        }
    }

    /// Every `Phrase("…")` written in Sources/ is a key of every catalogue.
    @Test func everyPhraseInSourcesIsInEveryCatalogue() throws {
        var used: Set<String> = []
        for (_, text) in Self.swiftSources() {
            var rest = Substring(text)
            while let range = rest.range(of: "Phrase(\"") {
                let after = rest[range.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                let key = String(after[..<end])
                if !key.hasSuffix(".") { used.insert(key) }
                rest = after[end...]
            }
        }
        #expect(used.count > 5)
        for code in Catalogue.codes {
            let catalogue = try #require(Catalogue.named(code))
            #expect(used.subtracting(catalogue.keys).sorted() == [], "not in \(code).toml")
        }
    }

    /// No Swift file in Sources/ but the catalogue and the embedded config files has a bokmål word
    /// of the list (whole words, comments included).
    @Test func noBokmalWordsOutsideTheCatalogue() {
        var found: [String] = []
        for (path, text) in Self.swiftSources() where !Self.embedded.contains((path as NSString).lastPathComponent) {
            let words = Set(text.split(whereSeparator: { !$0.isLetter }).map(String.init))
            for word in Self.bokmalWords where words.contains(word) { found.append("\(path): \(word)") }
        }
        #expect(found == [], "move these texts into Config/language/*.toml")
    }

    @Test func datesAndNamesInEachLanguage() throws {
        let nb = try #require(Catalogue.named("nb"))
        let nn = try #require(Catalogue.named("nn"))
        let date = try #require(LocalDate(year: 2026, month: 9, day: 16))
        #expect(nb.withWeekday(date) == "onsdag 16. september 2026")
        #expect(nn.withWeekday(date) == "onsdag 16. september 2026")
        let tuesday = try #require(LocalDate(year: 2026, month: 9, day: 15))
        #expect(nb.withWeekday(tuesday) == "tirsdag 15. september 2026")
        #expect(nn.withWeekday(tuesday) == "tysdag 15. september 2026")
        #expect(nb.days(1) == "1 dag" && nb.days(4) == "4 dager")
        #expect(nn.days(1) == "1 dag" && nn.days(4) == "4 dagar")
        #expect(nn.list(["A", "B", "C"]) == "A, B og C")
        // 1 May 2026 (Friday): Offentlig høytidsdag / Offentleg høgtidsdag.
        #expect(PublicHolidays.of(year: 2026, in: nn).map(\.name).contains("Offentleg høgtidsdag"))
        #expect(PublicHolidays.of(year: 2026, in: nb).map(\.name).contains("Offentlig høytidsdag"))
    }

    @Test func weekdaysAndMonthsAreReadInEveryForm() {
        for (name, day) in [
            ("måndag", Weekday.monday), ("mandag", .monday), ("tysdag", .tuesday), ("tirsdag", .tuesday),
            ("laurdag", .saturday), ("lørdag", .saturday), ("sundag", .sunday), ("søndag", .sunday),
            ("Wednesday", .wednesday),
        ] {
            #expect(Weekday(name: name) == day, "\(name)")
        }
        #expect(Weekday(name: "tisdag") == nil)
    }

    @Test func anUnknownLanguageIsLocatedAndListsTheKnownOnes() throws {
        let text = Fixtures.exampleText.replacingOccurrences(
            of: "[municipality]\n", with: "[municipality]\nlanguage = \"se\"\n")
        let errors = Fixtures.errors(text)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message.contains("unknown language \"se\""))
        #expect(error.message.contains("\"nb\"") && error.message.contains("\"nn\""))
        let line = try #require(Fixtures.line(of: "language = \"se\"", in: text))
        #expect(error.line == line)
    }

    @Test func aNynorskConfigReadsItsWeekdaysAndLanguage() throws {
        let text = Fixtures.minimal(
            structure: """
                [structures.cadence]
                kind = "monthly"
                nth = 2
                weekday = "tysdag"
                """,
            horizon: "from = 2026-01-01\nto = 2027-12-31\nlanguage = \"nn\"")
        let loaded = try Fixtures.load(text)
        #expect(loaded.configuration.catalogue.code == "nn")
        #expect(loaded.configuration.structures.first?.cadence.rule == .monthly(nths: [.nth(2)], weekday: .tuesday))
    }

    static func placeholders(_ text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names.sorted()
    }

    /// Every Swift file under Sources/, by path relative to the root.
    static func swiftSources() -> [(String, String)] {
        let sources = Fixtures.root.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return [] }
        var files: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            files.append((url.path.replacingOccurrences(of: Fixtures.root.path + "/", with: ""), text))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
