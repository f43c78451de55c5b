import Testing
import MoteplanCore
import MoteplanFeeds
import MoteplanICal
import Foundation

/// The Melhus feeds as published: valid, complete, and right on the wall clock.
struct MelhusFeedTests {
    let configuration: Configuration
    let schedule: Schedule
    let files: [(path: String, text: String)]

    init() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = try ConfigLoader.load(path: root.appendingPathComponent("Tests/Fixtures/melhus-fixed.toml").path)
        configuration = loaded.configuration
        schedule = Scheduler(configuration: configuration).schedule()
        files = try FeedRenderer(configuration: configuration).render(schedule).map { ($0.path, $0.text) }
    }

    @Test func everyFeedParsesBackWithZeroProblems() throws {
        #expect(files.count == 67)  // 26 structure and instance feeds and 41 personal ones (IcsCommandTests counts them)
        for file in files {
            #expect(FeedValidator.problems(in: file.text).isEmpty, "\(file.path)")
            #expect(!file.text.contains("VALARM"))
            #expect(!file.text.contains("UNTIL="), "\(file.path): khal rejects UNTIL in VTIMEZONE rules")
        }
    }

    @Test func feedsHoldExactlyTheirMeetings() throws {
        let all = try #require(files.first { $0.path == "alle.ics" })
        let events = try FeedReader.events(in: all.text)
        #expect(events.map(\.uid) == schedule.meetings.map { $0.uid(domain: configuration.municipality.uidDomain) })
        let vest = try #require(files.first { $0.path == "nettverk/melhus-vest.ics" })
        #expect(try FeedReader.events(in: vest.text).count == 8)
        #expect(vest.text.contains("X-WR-CALNAME:Melhus kommune – Tverrfaglig nettverk – Melhus vest\r\n"))
        #expect(vest.text.contains("REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n"))
        #expect(vest.text.contains("X-PUBLISHED-TTL:PT12H\r\n"))
    }

    @Test func wallClockAndUTCAcrossDST() throws {
        let feed = try #require(files.first { $0.path == "samarbeidsgruppe.ics" })
        let events = try FeedReader.events(in: feed.text)
        // 09:00 in Oslo: 08:00Z in winter (4 March 2027), 07:00Z in summer (1 April 2027).
        let march = try #require(events.first { $0.uid.hasPrefix("samarbeidsgruppe-20270304@") })
        let april = try #require(events.first { $0.uid.hasPrefix("samarbeidsgruppe-20270401@") })
        #expect(march.start == ICalDateTime(year: 2027, month: 3, day: 4, hour: 9, minute: 0))
        #expect(march.timeZoneID == "Europe/Oslo")
        #expect(march.startUTC == ICalUTCStamp(year: 2027, month: 3, day: 4, hour: 8, minute: 0))
        #expect(april.startUTC == ICalUTCStamp(year: 2027, month: 4, day: 1, hour: 7, minute: 0))
        let november = try #require(events.first { $0.uid.hasPrefix("samarbeidsgruppe-20271104@") })
        #expect(november.startUTC == ICalUTCStamp(year: 2027, month: 11, day: 4, hour: 8, minute: 0))
    }

    @Test func descriptionsAreNorwegianAndCarryMarkers() throws {
        let feed = try #require(files.first { $0.path == "nettverk/nedre-melhus.ics" })
        let first = try #require(try FeedReader.events(in: feed.text).first)
        #expect(first.description.contains("Leder: Rektor, Gimse ungdomsskole (Eksempel: Per Hansen)"))
        #expect(first.description.contains("Deltakere: Gimse barneskole, Gimse ungdomsskole"))
        #expect(first.description.contains("SLT på agendaen – inviter: SLT-koordinator, Politikontakt"))
        let group = try #require(files.first { $0.path == "samarbeidsgruppe.ics" })
        let events = try FeedReader.events(in: group.text)
        #expect(events.first?.description.contains("Politikontakt og vgs deltar") ?? false)
        #expect(events.first { $0.uid.hasPrefix("samarbeidsgruppe-20270506@") }?.description
            .contains("Flyttet fra torsdag 6. mai 2027 (Kristi himmelfartsdag).") ?? false)
    }

    @Test func organizerAndAttendeesOnlyWithAnAddress() throws {
        // Melhus vest's leader (Eid) has an address; Gåsbakken's head does not.
        let eid = try #require(files.first { $0.path == "lokalt-team/eid-barnehage-og-skole.ics" })
        let unfolded = eid.text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("ORGANIZER;CN=\"Enhetsleder, Eid barnehage og skole (Eksempel: Liv Dahl)\":mailto:"))
        let gasbakken = try #require(files.first { $0.path == "lokalt-team/gasbakken-barnehage-og-skole.ics" })
        #expect(!gasbakken.text.contains("ORGANIZER"))
        #expect(!gasbakken.text.contains("ATTENDEE"))
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let again = try FeedRenderer(configuration: configuration).render(Scheduler(configuration: configuration).schedule())
        #expect(again.map(\.path) == files.map(\.path))
        #expect(again.map(\.text) == files.map(\.text))
    }

    /// The server's one pass for both sets gives the bytes of two separate renders, for events with
    /// contacts (serialized twice) and without (one text shared).
    @Test func bothContactVariantsFromOnePassMatchSeparateRenders() throws {
        let renderer = FeedRenderer(configuration: configuration)
        let both = try renderer.renderWithAndWithoutContacts(schedule, revise: nil as FeedRenderer.Revise<Never>?)
        let withContacts = try renderer.render(schedule, contacts: true)
        let withoutContacts = try renderer.render(schedule, contacts: false)
        #expect(both.withContacts.map(\.path) == withContacts.map(\.path))
        #expect(both.withContacts.map(\.text) == withContacts.map(\.text))
        #expect(both.withoutContacts.map(\.text) == withoutContacts.map(\.text))
        let all = try #require(withContacts.first { $0.path == "alle.ics" }).text
        #expect(all.contains("ATTENDEE"), "some events have contacts")
        #expect(try #require(withoutContacts.first { $0.path == "alle.ics" }).text.contains("ATTENDEE") == false)
        #expect(all.components(separatedBy: "BEGIN:VEVENT").count - 1 > all.components(separatedBy: "ORGANIZER").count - 1,
                "some events have no organizer")
    }
}
