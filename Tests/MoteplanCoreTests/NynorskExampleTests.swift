import Foundation
import Testing

@testable import MoteplanCore

/// The nynorsk example config (Config/examples/nynorsk.toml, an invented municipality built like
/// Melhus), as `moteplan init --language nn` writes it: embedded unchanged, in nynorsk throughout.
struct NynorskExampleTests {
    static let text: String = {
        (try? String(contentsOf: Fixtures.root.appendingPathComponent("Config/examples/nynorsk.toml"), encoding: .utf8)) ?? ""
    }()

    @Test func embeddedCopyMatchesTheFile() {
        #expect(!Self.text.isEmpty)
        #expect(NynorskExample.toml + "\n" == Self.text, "run scripts/embed-example")
    }

    /// It asks for nynorsk, and loads without errors or load-time warnings.
    @Test func itIsANynorskConfig() throws {
        let loaded = try Fixtures.load(NynorskExample.toml, file: "nynorsk.toml")
        #expect(loaded.configuration.catalogue.code == "nn")
        #expect(loaded.configuration.municipality.name == "Straumøy kommune")
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    }

    /// Its comments and texts are nynorsk: none of the bokmål words a nynorsk municipality would
    /// not write (any case), "ikkje" where bokmål has the first of them, and "sakliste" (the word
    /// moteplan uses in both languages), never "saksliste".
    @Test func itsCommentsAreNynorsk() {
        let lowered = Self.text.lowercased()
        for word in ["ikke", "hva", "hvem", "leder", "deltakere", "leveres", "flyttet", "møtene skal", "saksliste", "sakslista"] {
            #expect(!lowered.contains(word), "bokmål: \(word)")
        }
        #expect(Self.text.contains("ikkje"))
        #expect(Self.text.contains("sakliste"))
        // The weekdays are written in their nynorsk form.
        #expect(Self.text.contains("\"tysdag\""))
        #expect(Self.text.contains("\"måndag\""))
        #expect(!lowered.contains("tirsdag"))
        #expect(!lowered.contains("mandag"))
    }
}
