import MoteplanICal
import Testing

/// Values the serializer must refuse or clean, so that it never writes a broken feed.
struct SerializerInputTests {
    @Test func endBeforeStartIsRefusedWithTheEventNamed() throws {
        var event = Fixtures.confirmed
        event.end = ICalDateTime(year: 2026, month: 9, day: 8, hour: 13, minute: 0)
        let error = try #require(throws: ICalError.self) { try Fixtures.serializer().serialize([event]) }
        #expect(error.code == .invalidEvent)
        #expect(error.description.contains(event.uid))
        #expect(error.description.contains("before start"))
    }

    @Test func impossibleDateIsRefused() throws {
        var event = Fixtures.confirmed
        event.start = ICalDateTime(year: 2027, month: 2, day: 29, hour: 14, minute: 0)
        event.end = ICalDateTime(year: 2027, month: 3, day: 1, hour: 15, minute: 0)
        #expect(throws: ICalError.self) { try Fixtures.serializer().serialize([event]) }
    }

    @Test func categoryWithCommaIsRefused() throws {
        var event = Fixtures.confirmed
        event.categories = ["Helse, omsorg"]
        let error = try #require(throws: ICalError.self) { try Fixtures.serializer().serialize([event]) }
        #expect(error.description.contains("Helse, omsorg"))
    }

    @Test func headerMustNameTheSameZone() throws {
        var header = Fixtures.header
        header.timeZoneID = "Europe/Stockholm"
        let error = try #require(throws: ICalError.self) {
            try FeedSerializer(header: header, zone: Fixtures.osloZone())
        }
        #expect(error.code == .invalidHeader)
        #expect(error.description.contains("Europe/Stockholm"))
    }

    @Test func controlCharactersAreDroppedAndNewlinesKept() throws {
        var event = Fixtures.confirmed
        event.summary = "Møte\u{0}\u{7} i dag"
        event.description = "Linje 1\r\nLinje 2\rLinje 3"
        event.attendees = [ICalPerson(name: "Kari\nNordmann", email: "kari@kommune.example")]
        let text = try Fixtures.serializer().serialize([event])
        #expect(FeedValidator.problems(in: text) == [])
        let back = try #require(try FeedReader.events(in: text).first)
        #expect(back.summary == "Møte i dag")
        #expect(back.description == "Linje 1\nLinje 2\nLinje 3")
        #expect(Fixtures.unfold(text).contains("ATTENDEE;CN=Kari Nordmann;"))
    }

    @Test func organizerNameWithColonIsQuoted() throws {
        var event = Fixtures.cancelled
        event.organizer = ICalPerson(name: "Enhet: Skole", email: "skole@kommune.example")
        let text = try Fixtures.serializer().serializeEvent(event)
        #expect(Fixtures.unfold(text).contains("ORGANIZER;CN=\"Enhet: Skole\":mailto:skole@kommune.example\r\n"))
    }
}
