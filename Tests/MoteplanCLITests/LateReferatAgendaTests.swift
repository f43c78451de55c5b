import Foundation
import Testing

/// A referat that arrives after the sakliste closed is on the agenda as delivered late, not missing.
struct LateReferatAgendaTests {
    let directory: URL
    let state: String

    init() throws {
        directory = try CLI.temporaryDirectory()
        state = directory.appendingPathComponent("state.sqlite").path
    }

    func run(_ arguments: [String], now: String) throws -> CLI.Result {
        try CLI.run(arguments + ["--config", CLI.melhus, "--state", state, "--now", now])
    }

    /// Worked out by hand from the fixture: Melhus vest meets the 3rd Wednesday of September,
    /// 16 September 2026 (2 September is the first Wednesday). The samarbeidsgruppe meets the
    /// 1st Thursday: 1 October 2026, agenda closing 7 days before, 24 September; then 5 November,
    /// closing 29 October. The referat is delivered 25 September, one day after the October close.
    static let sept = "nettverk.melhus-vest-20260916@moteplan.melhus.example.no"

    @Test func aReferatDeliveredTheDayAfterTheCloseIsNotMissing() throws {
        let record = try run(["referat", "record", Self.sept, "--delivered", "2026-09-25", "--ref", "arkiv/7"], now: "2026-09-25T10:00")
        #expect(record.code == 0, "\(record.stderr)")
        let october = try run(["agenda", "samarbeidsgruppe"], now: "2026-09-26T12:00")
        #expect(october.code == 0, "\(october.stderr)")
        #expect(october.stdout.hasPrefix("Sakliste – Tverrfaglig samarbeidsgruppe barn og unge, torsdag 1. oktober 2026"), "\(october.stdout)")
        #expect(october.stdout.contains("Saklisten lukkes 24. september 2026."))
        #expect(october.stdout.contains(
            "Tverrfaglig nettverk – Melhus vest, 16. september 2026: levert 25. september 2026, etter at saklisten ble lukket – ref. arkiv/7"),
            "\(october.stdout)")
        let missing = october.stdout.components(separatedBy: "Referat som mangler").dropFirst().first ?? ""
        #expect(!missing.contains("Melhus vest"), "\(october.stdout)")
        // The next agenda (5 November, closing 29 October) has it as received since the last close.
        let november = try run(["agenda", "samarbeidsgruppe", "--date", "2026-11-05"], now: "2026-09-26T12:00")
        #expect(november.code == 0, "\(november.stderr)")
        #expect(november.stdout.contains("Tverrfaglig nettverk – Melhus vest, 16. september 2026: mottatt 25. september 2026 – ref. arkiv/7"), "\(november.stdout)")
        #expect(!november.stdout.contains("etter at saklisten ble lukket"))
    }

    @Test func theSaklisteObligationSaysItCameLate() throws {
        #expect(try run(["referat", "record", Self.sept, "--delivered", "2026-09-25"], now: "2026-09-25T10:00").code == 0)
        // The sakliste of 1 October is due 24 September: overdue at --now, so it still shows.
        let list = try run(["obligations", "--leader", "leder-ffm", "--format", "csv"], now: "2026-09-26T12:00")
        #expect(list.code == 0, "\(list.stderr)")
        let sakliste = list.stdout.split(separator: "\n").first { $0.contains(",sakliste,") } ?? ""
        #expect(sakliste.contains("Kom etter fristen: Melhus vest (levert 25. september 2026, etter at saklisten ble lukket)"), "\(list.stdout)")
        #expect(!sakliste.contains("Mangler fra Melhus vest"))
    }
}
