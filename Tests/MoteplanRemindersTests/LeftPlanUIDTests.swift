import Testing

@testable import MoteplanReminders

/// The structure a meeting that left the plan belonged to, read back from its UID
/// (`<structure>[.<instance>]-<yyyymmdd>[-<slot>]@<domain>`): the CANCEL is titled by it.
struct LeftPlanUIDTests {
    @Test(arguments: [
        ("samarbeidsgruppe-20260903@moteplan.melhus.example.no", "samarbeidsgruppe"),
        ("lokalt-team.hovin-skole-20260903@moteplan.melhus.example.no", "lokalt-team"),
        ("lokalt-team.hovin-skole-20260903-2@moteplan.melhus.example.no", "lokalt-team"),
        ("nettverk.sor-12345678-20261104@x.no", "nettverk"),
    ])
    func theStructureIsWhatComesBeforeTheInstanceAndTheDate(uid: String, structure: String) {
        #expect(InvitationPlanner.structureID(uid: uid) == structure)
    }

    @Test(arguments: ["20260903@x.no", "samarbeidsgruppe@x.no", "", "@"])
    func aUIDWithoutAStructureAndADateGivesNone(uid: String) {
        #expect(InvitationPlanner.structureID(uid: uid) == nil)
    }
}
