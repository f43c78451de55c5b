import Foundation
import MoteplanCore
import MoteplanFeeds
import MoteplanICal
import Testing

/// The Melhus feeds with `[municipality] language = "nn"`: every text moteplan adds (calendar
/// names, the DESCRIPTION lines, the moved-from line) in nynorsk, none of the bokmål words; and
/// the bokmål feeds none of the nynorsk ones.
struct NynorskFeedTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The issue's bokmål words: a nynorsk output contains none of them.
    static let bokmalWords: Set<String> = ["Leder", "Deltakere", "ikke", "hva", "hvem", "leveres", "Flyttet"]
    /// Their nynorsk counterparts as the feeds use them: a bokmål output contains none of them.
    static let nynorskWords: Set<String> = ["Leiar", "Deltakarar", "ikkje", "Flytta", "frå"]

    /// The Melhus fixture in nynorsk: `language = "nn"`, and the config's own bokmål "Leder" values
    /// (a group's name and two unit heads) written as a nynorsk municipality would.
    static func nynorskMelhus() throws -> Configuration {
        let path = root.appendingPathComponent("Tests/Fixtures/melhus-fixed.toml").path
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "[municipality]\n", with: "[municipality]\nlanguage = \"nn\"\n")
            .replacingOccurrences(of: "\"Leder drøftingsteam", with: "\"Leiar drøftingsteam")
            .replacingOccurrences(of: "head = \"Leder PPT\"", with: "head = \"Leiar PPT\"")
            .replacingOccurrences(of: "head = \"Leder\"", with: "head = \"Leiar\"")
        return try ConfigLoader.parse(bytes: Array(text.utf8), file: path).configuration
    }

    static func feeds(_ configuration: Configuration) throws -> [(path: String, text: String)] {
        try FeedRenderer(configuration: configuration).render(Scheduler(configuration: configuration).schedule()).map { ($0.path, $0.text) }
    }

    /// The words of a feed as people read them: lines unfolded, text escapes undone (an escaped
    /// newline would otherwise glue "n" to the next word).
    static func words(_ feed: String) -> Set<String> {
        let text = feed.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\\n", with: "\n")
            .replacingOccurrences(of: "\\,", with: ",").replacingOccurrences(of: "\\;", with: ";")
        return Set(text.split(whereSeparator: { !$0.isLetter }).map(String.init))
    }

    @Test func calendarNamesAndDescriptionsAreNynorsk() throws {
        let configuration = try Self.nynorskMelhus()
        #expect(configuration.catalogue.code == "nn")
        let files = try Self.feeds(configuration)
        // "{municipality} – alle møte" with the config's name: nynorsk plural "møte", not "møter".
        let all = try #require(files.first { $0.path == "alle.ics" })
        #expect(all.text.contains("X-WR-CALNAME:Melhus kommune – alle møte\r\n"))
        // A personal feed: "Møteplan – {name}" (the same word in both languages).
        #expect(files.contains { $0.path.hasPrefix("for/") && $0.text.contains("X-WR-CALNAME:Møteplan – ") })
        // The bokmål test's lines (MelhusFeedTests) with the labels translated by hand:
        // "Leder:" → "Leiar:", "Deltakere:" → "Deltakarar:"; the names come from the config.
        let network = try #require(files.first { $0.path == "nettverk/nedre-melhus.ics" })
        let first = try #require(try FeedReader.events(in: network.text).first)
        #expect(first.description.contains("Leiar: Rektor, Gimse ungdomsskole (Eksempel: Per Hansen)"))
        #expect(first.description.contains("Deltakarar: Gimse barneskole, Gimse ungdomsskole"))
        #expect(first.description.contains("SLT på agendaen – inviter: SLT-koordinator, Politikontakt"))
        // Samarbeidsgruppe's first Thursday in May 2027 is Ascension Day (Easter 28 March + 39
        // days = Thursday 6 May): moved, and the moved-from line says so in nynorsk; "torsdag" and
        // "mai" are the same words in nynorsk, the holiday's name too.
        let group = try #require(files.first { $0.path == "samarbeidsgruppe.ics" })
        let moved = try #require(try FeedReader.events(in: group.text).first { $0.uid.hasPrefix("samarbeidsgruppe-20270506@") })
        #expect(moved.description.contains("Flytta frå torsdag 6. mai 2027 (Kristi himmelfartsdag)."))
    }

    @Test func noBokmalWordInAnyNynorskFeed() throws {
        let files = try Self.feeds(try Self.nynorskMelhus())
        #expect(files.count == 67)  // as in bokmål (MelhusFeedTests): every feed is checked
        for file in files {
            #expect(Self.words(file.text).intersection(Self.bokmalWords).isEmpty, "\(file.path)")
        }
    }

    @Test func noNynorskWordInTheBokmalFeeds() throws {
        let path = Self.root.appendingPathComponent("Tests/Fixtures/melhus-fixed.toml").path
        let configuration = try ConfigLoader.load(path: path).configuration
        #expect(configuration.catalogue.code == "nb")
        for file in try Self.feeds(configuration) {
            #expect(Self.words(file.text).intersection(Self.nynorskWords).isEmpty, "\(file.path)")
        }
    }

    /// A cancelled meeting (as the store records one) and one moved by hand, built straight from
    /// the schedule: the SUMMARY prefix and the DESCRIPTION lines in nynorsk.
    @Test func cancelledAndMovedByHandInNynorsk() throws {
        let configuration = try Self.nynorskMelhus()
        let schedule = Scheduler(configuration: configuration).schedule()
        var meeting = try #require(schedule.meetings.first { $0.uid(domain: configuration.municipality.uidDomain).hasPrefix("samarbeidsgruppe-20260903@") })
        let builder = EventBuilder(configuration: configuration)
        meeting.cancelled = "Få påmelde"
        let cancelled = builder.event(for: meeting)
        #expect(cancelled.summary == "AVLYST: " + meeting.title)
        #expect(cancelled.description.hasPrefix("AVLYST: Få påmelde.\n"))
        meeting.cancelled = nil
        // 3 September 2026 is a Thursday (1 January 2026 was a Thursday; 3 September is day 246,
        // 245 days = 35 weeks later).
        meeting.movedByHand = ""
        #expect(builder.event(for: meeting).description.hasSuffix("Flytta frå torsdag 3. september 2026."))
        meeting.movedByHand = "kommunestyremøte"
        #expect(builder.event(for: meeting).description.hasSuffix("Flytta frå torsdag 3. september 2026 (kommunestyremøte)."))
    }
}
