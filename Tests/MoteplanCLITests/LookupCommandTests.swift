import Foundation
import Testing

/// `--leader/--unit/--for/--resource` and `leaders set` take what a principal knows (her name or
/// e-mail), and `agenda` asks which network instead of guessing.
struct LookupCommandTests {
    let directory: URL
    let config: String
    let state: String

    /// The Melhus config with Eid's head named Hilde Aune and the drøftingsteam's leader named Per
    /// Hansen, like Gimse ungdomsskole's head (so "Per Hansen" is ambiguous).
    init() throws {
        directory = try CLI.temporaryDirectory()
        let text = try String(contentsOfFile: CLI.melhus, encoding: .utf8)
            .replacingOccurrences(of: "head_person = \"Eksempel: Liv Dahl\"\nhead_email = \"leder.eid@example.no\"",
                                  with: "head_person = \"Hilde Aune\"\nhead_email = \"hilde.aune@melhus.kommune.no\"")
            .replacingOccurrences(of: "person = \"Eksempel: Ola Nordmann\"", with: "person = \"Per Hansen\"")
        #expect(text.contains("Hilde Aune") && text.contains("person = \"Per Hansen\""), "the fixture changed")
        let path = directory.appendingPathComponent("melhus.toml")
        try Data(text.utf8).write(to: path)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Config/templates"), to: directory.appendingPathComponent("templates"))
        config = path.path
        state = directory.appendingPathComponent("state.sqlite").path
    }

    func run(_ arguments: [String], now: String = "2026-09-01T08:00") throws -> CLI.Result {
        try CLI.run(arguments + ["--config", config, "--state", state, "--now", now])
    }

    @Test(arguments: ["Hilde Aune", "hilde aune", "HILDE.AUNE@melhus.kommune.no", "Eid barnehage og skole", "EID-BARNEHAGE-OG-SKOLE"])
    func obligationsFindTheLeaderByNameOrEmail(query: String) throws {
        let byID = try run(["obligations", "--leader", "eid-barnehage-og-skole", "--to", "2027-06-30", "--format", "csv"])
        let byQuery = try run(["obligations", "--leader", query, "--to", "2027-06-30", "--format", "csv"])
        #expect(byID.code == 0 && byQuery.code == 0, "\(byQuery.stderr)")
        // Eid leads melhus-vest in 2026/27 (first_leader), so she owes innkallinger this autumn.
        #expect(byID.stdout.contains("innkalling"))
        #expect(byQuery.stdout == byID.stdout)
    }

    @Test func everyLookupOptionTakesAName() throws {
        let unit = try run(["obligations", "--unit", "Hilde Aune", "--format", "csv"])
        #expect(unit.code == 0, "\(unit.stderr)")
        #expect(unit.stdout == (try run(["obligations", "--unit", "eid-barnehage-og-skole", "--format", "csv"])).stdout)
        let plan = try run(["plan", "--for", "hilde.aune@melhus.kommune.no", "--format", "csv"])
        #expect(plan.code == 0, "\(plan.stderr)")
        #expect(plan.stdout == (try run(["plan", "--for", "eid-barnehage-og-skole", "--format", "csv"])).stdout)
        #expect(plan.stdout.contains("nettverk,melhus-vest"))
        let conflicts = try run(["conflicts", "--resource", "Melhus rådhus, møterom Gauldal", "--format", "csv"])
        #expect(conflicts.code == 0, "\(conflicts.stderr)")
        let set = try run(["leaders", "set", "melhus-vest", "2027/28", "Hilde Aune", "--reason", "Valgt"])
        #expect(set.code == 0, "\(set.stderr)")
        #expect(set.stdout.contains("→ eid-barnehage-og-skole"))
    }

    @Test func anAmbiguousNameListsTheCandidatesWithTheirIds() throws {
        let result = try run(["obligations", "--leader", "per hansen"])
        #expect(result.code == 2)
        #expect(result.stderr.contains("leader \"per hansen\" is ambiguous"), "\(result.stderr)")
        #expect(result.stderr.contains("leder-drofting (Leder drøftingsteam for barn og unge (Per Hansen))"))
        #expect(result.stderr.contains("gimse-ungdomsskole (Rektor, Gimse ungdomsskole (Eksempel: Per Hansen))"))
        #expect(!FileManager.default.fileExists(atPath: state))
    }

    @Test func anUnknownNameIsSuggestedOnlyWhenCloseElseToldWhereToAddIt() throws {
        let close = try run(["obligations", "--leader", "slt-kordinator"])
        #expect(close.code == 2)
        #expect(close.stderr.contains("unknown leader \"slt-kordinator\". Did you mean \"slt-koordinator\"?"), "\(close.stderr)")
        let far = try run(["obligations", "--leader", "Hilde Hansen"])
        #expect(far.code == 2)
        #expect(far.stderr.contains("unknown leader \"Hilde Hansen\": not defined: add it under [[roles]] or [[units]]"), "\(far.stderr)")
        #expect(!far.stderr.contains("Did you mean"))
        #expect(!FileManager.default.fileExists(atPath: state))
    }

    @Test func agendaOfANetworkNeedsTheInstanceAndListsThem() throws {
        let result = try run(["agenda", "nettverk"])
        #expect(result.code == 2)
        #expect(result.stderr.contains("give --instance with one of: nedre-melhus (Nedre Melhus), melhus-sor (Melhus sør), melhus-vest (Melhus vest)"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let unknown = try run(["agenda", "nettverk", "--instance", "melhus-vst"])
        #expect(unknown.code == 2)
        #expect(unknown.stderr.contains("nettverk has no instance \"melhus-vst\". Did you mean \"melhus-vest\"?"), "\(unknown.stderr)")
    }

    @Test func agendaOfOneNetworkIsThatNetworksNextMeeting() throws {
        let vest = try run(["agenda", "nettverk", "--instance", "melhus-vest"])
        #expect(vest.code == 0, "\(vest.stderr)")
        // Melhus vest meets the 3rd Wednesday of September: 2, 9, 16 → 16 September 2026.
        #expect(vest.stdout.hasPrefix("Sakliste – Tverrfaglig nettverk – Melhus vest, onsdag 16. september 2026"), "\(vest.stdout)")
        // Its leader in 2026/27 is Eid's head (first_leader), not another network's.
        #expect(vest.stdout.contains("Leder: Enhetsleder, Eid barnehage og skole (Hilde Aune)"), "\(vest.stdout)")
        let byName = try run(["agenda", "nettverk", "--instance", "melhus vest"])
        #expect(byName.stdout == vest.stdout)
        let nedre = try run(["agenda", "nettverk", "--instance", "nedre-melhus"])
        #expect(nedre.code == 0, "\(nedre.stderr)")
        #expect(nedre.stdout.hasPrefix("Sakliste – Tverrfaglig nettverk – Nedre Melhus,"), "\(nedre.stdout)")
        #expect(!nedre.stdout.contains("Hilde Aune"))
        let single = try run(["agenda", "samarbeidsgruppe", "--instance", "x"])
        #expect(single.code == 2)
        #expect(single.stderr.contains("samarbeidsgruppe has a single instance; leave out --instance."))
    }
}
