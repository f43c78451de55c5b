import MoteplanCore
import Testing

/// Finding a role or unit by what a principal knows: her name or her e-mail, not an id.
struct ActorLookupTests {
    /// The Melhus example with Eid's head named Hilde Aune (written with mixed case in the config),
    /// and the drøftingsteam's leader given the same person as Gimse ungdomsskole's head (Per
    /// Hansen), so that name is ambiguous.
    static let text = Fixtures.melhusText
        .replacingOccurrences(of: "head_person = \"Eksempel: Liv Dahl\"\nhead_email = \"leder.eid@example.no\"",
                              with: "head_person = \"Hilde Aune\"\nhead_email = \"Hilde.Aune@Melhus.kommune.no\"")
        .replacingOccurrences(of: "person = \"Eksempel: Ola Nordmann\"", with: "person = \"Per Hansen\"")

    func lookup(_ sections: ActorLookup.Sections = .actors) throws -> ActorLookup {
        #expect(Self.text.contains("Hilde Aune") && Self.text.contains("person = \"Per Hansen\""), "the fixture changed")
        return ActorLookup(try Fixtures.load(Self.text).configuration, sections: sections)
    }

    @Test func findsAUnitByItsHeadsNameInAnyCaseAndSpacing() throws {
        let lookup = try lookup()
        #expect(lookup.find("Hilde Aune") == .found("eid-barnehage-og-skole"))
        #expect(lookup.find("  hilde   AUNE ") == .found("eid-barnehage-og-skole"))
    }

    @Test func findsByEmailWhateverTheCase() throws {
        let lookup = try lookup()
        #expect(lookup.find("hilde.aune@melhus.kommune.no") == .found("eid-barnehage-og-skole"))
        #expect(lookup.find("SLT@EXAMPLE.NO") == .found("slt-koordinator"))
    }

    @Test func findsByIdOrNameAndByThePersonBehindAnExamplePrefix() throws {
        let lookup = try lookup()
        #expect(lookup.find("SLT-Koordinator") == .found("slt-koordinator"))
        #expect(lookup.find("gauldal") == .unknown(suggestion: nil), "locations are not actors")
        #expect(lookup.find("Gimse ungdomsskole") == .found("gimse-ungdomsskole"))
        // The example writes person = "Eksempel: Siri Eksempel": the name alone finds her too.
        #expect(lookup.find("Siri Eksempel") == .found("slt-koordinator"))
    }

    @Test func aNameTwoEntriesShareIsAmbiguousAndListsBoth() throws {
        guard case .ambiguous(let candidates) = try lookup().find("per hansen") else {
            Issue.record("expected ambiguous")
            return
        }
        // Roles come before units: leder-drofting (role), then gimse-ungdomsskole (unit).
        #expect(candidates.map(\.id) == ["leder-drofting", "gimse-ungdomsskole"])
        #expect(candidates.map(\.label) == ["Leder drøftingsteam for barn og unge (Per Hansen)", "Rektor, Gimse ungdomsskole (Eksempel: Per Hansen)"])
    }

    @Test func anUnknownIdIsSuggestedOnlyWhenOneIsClose() throws {
        let lookup = try lookup()
        // "slt-kordinator" is one letter from "slt-koordinator".
        #expect(lookup.find("slt-kordinator") == .unknown(suggestion: "slt-koordinator"))
        // "Hilde Hansen" is no one's name and far from every id.
        #expect(lookup.find("Hilde Hansen") == .unknown(suggestion: nil))
    }

    @Test func sectionsLimitTheSearch() throws {
        #expect(try lookup(.units).find("Siri Eksempel") == .unknown(suggestion: nil))
        #expect(try lookup(.units).find("Per Hansen") == .found("gimse-ungdomsskole"))
        #expect(try lookup(.resources).find("gauldal") == .found("gauldal"))
        #expect(ActorLookup.Sections.actors.tables == "[[roles]] or [[units]]")
        #expect(ActorLookup.Sections.resources.tables == "[[roles]], [[units]] or [[locations]]")
    }
}
