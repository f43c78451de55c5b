import Foundation
import Hummingbird
import HummingbirdTesting
import MoteplanServer
import Testing

/// The server's pages with `[municipality] language = "nn"`: every page, form reply and error
/// says `lang="nn"` and is written in nynorsk, and none of the bokmål words of the issue's list
/// appears in what the server writes. The expected sentences are the nn catalogue's texts with
/// dates worked out by hand from the fixture (see each test).
struct NynorskPagesTests {
    /// The issue's bokmål words, and the capitalized forms of the lower-case ones (a heading or a
    /// sentence may start with them). Whole words, case-sensitive: the fixture's ids and e-mail
    /// addresses ("leder-ffm", "leder.eid@…") are not text anyone reads as a sentence.
    static let bokmalWords = ["Leder", "Deltakere", "ikke", "Ikke", "hva", "Hva", "hvem", "Hvem", "leveres", "Flyttet"]

    /// The Melhus fixture (with `[server] base_url`, as PersonalLinkTests uses it) in nynorsk: the
    /// language set, and the config's own values that contain "Leder" written in nynorsk.
    static func fixture() throws -> ServerFixture {
        let fixture = try PersonalLinkTests.fixture()
        var text = try String(contentsOfFile: fixture.configPath, encoding: .utf8)
        let replacements = [
            ("name = \"Melhus kommune\"\n", "name = \"Melhus kommune\"\nlanguage = \"nn\"\n"),
            ("\"Leder drøftingsteam for barn og unge\"", "\"Leiar drøftingsteam for barn og unge\""),
            ("head = \"Leder PPT\"", "head = \"Leiar PPT\""),
            ("head = \"Leder\"\n", "head = \"Leiar\"\n"),
        ]
        for (old, new) in replacements {
            #expect(text.components(separatedBy: old).count == 2, "the fixture has \(old) once")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(toFile: fixture.configPath, atomically: true, encoding: .utf8)
        return fixture
    }

    /// The bokmål words of the list that `text` contains as whole words, once `exclusions` (texts
    /// built outside the server) are taken out.
    static func bokmal(in text: String, except exclusions: [String] = []) -> [String] {
        var rest = text
        for exclusion in exclusions { rest = rest.replacingOccurrences(of: exclusion, with: " ") }
        let words = Set(rest.split(whereSeparator: { !$0.isLetter }).map(String.init))
        return bokmalWords.filter(words.contains)
    }

    /// Texts excepted from the check: none now that MoteplanCore's meeting notes come from the
    /// catalogue too. (The fixture's autumn holiday, ISO week 41 of 2026, 5–9 October, moves the
    /// lokalt team meetings of 6, 7 and 8 October: their notes now read "Flytta frå …".)
    static let coreBuilt: [String] = []

    /// `page` is a nynorsk page: `lang="nn"`, and no bokmål word of the list.
    static func expectNynorsk(_ page: String, _ what: String) {
        #expect(page.contains("<html lang=\"nn\">"), "\(what): \(page.prefix(300))")
        #expect(!page.contains("lang=\"nb\""), "\(what)")
        #expect(bokmal(in: page, except: coreBuilt).isEmpty, "\(what): \(bokmal(in: page, except: coreBuilt))")
    }

    @Test func theOverviewAndItsMonthsAreNynorsk() async throws {
        let fixture = try Self.fixture()
        try await fixture.live(now: PersonalLinkTests.now) { client in
            let overview = try await client.execute(uri: "/", method: .get)
            #expect(overview.status == .ok)
            let page = overview.text
            Self.expectNynorsk(page, "/")
            // 1 October 2026 is a Thursday (1 January 2026 was a Thursday; 273 days on is 39 weeks).
            #expect(page.contains("<p>Per torsdag 1. oktober 2026 kl. 12:00.</p>"))
            #expect(page.contains("<title>Møteplan – Melhus kommune</title>"))
            #expect(page.contains("Møte i oktober 2026"))
            #expect(page.contains("<a href=\"/?maaned=2026-11#moter\" rel=\"next\">november 2026 →</a>"))
            #expect(page.contains("<th scope=\"col\">Kvar / kven</th><th scope=\"col\">Leiar</th>"))
            #expect(page.contains("<h2 id=\"nettverksledere\">Nettverksleiarar</h2>"))
            #expect(page.contains("<th>Nettverk</th><th>Periode</th><th>Leiar</th><th>Neste periode</th>"))
            #expect(page.contains("Referat og oppgåver"))
            #expect(page.contains("Her blir berre talet vist. Kvar leiar ser sine eigne fristar på den personlege sida si."))
            #expect(page.contains("Fristen ikkje ute"))
            // Melhus vest's September referat was due 24 September: missing on 1 October.
            #expect(page.contains(" referat manglar</span>"))
            #expect(page.contains("Opne oppgåver dei neste seks vekene"))
            // The four lokalt team meetings moved from 6 October to Friday 2 October (Hovin, Rosmælen,
            // Lundamo u., Øya; in the month view) take 7 days' notice: due 25 September, overdue now.
            #expect(page.contains("<tr><td>Innkallingar</td>"))
            #expect(page.contains("<span class=\"forfalt\">4 innkallingar over fristen</span>"))
            #expect(page.contains("Abonner på kalendrar"))
            #expect(page.contains("Vel kven du er"))
            #expect(page.contains("Årshjul 2026/27"))
            #expect(page.contains("<h2 id=\"registrer-referat\">Registrer levert referat</h2>"))
            #expect(page.contains("Berre at referatet er levert, når og av kven"))
            #expect(page.contains("Erstatt ei tidlegare registrering"))

            // November: the network meets on 18 November, a Wednesday (1 October + 48 days, 6 weeks and 6 days).
            let november = try await client.execute(uri: "/?maaned=2026-11", method: .get).text
            Self.expectNynorsk(november, "/?maaned=2026-11")
            #expect(november.contains("<h2 id=\"moter\">Møte i november 2026</h2>"))
            #expect(november.contains("<nav aria-label=\"Månader\">"))
            #expect(november.contains("<a href=\"/?maaned=2026-10#moter\" rel=\"prev\">← oktober 2026</a>"))
            #expect(november.contains("<a href=\"/#moter\">Denne månaden</a>"))
            #expect(november.contains("onsdag 18. november 2026"))
            // Nynorsk "møte" is the same in the plural ("3 møte i …"), so the caption ends alike for any count.
            #expect(november.contains(" møte i november 2026</caption>"))

            // October: the autumn holiday (ISO week 41, 5–9 October) moves the lokalt team meetings
            // planned on 6, 7 and 8 October; the note is MoteplanCore's, in nynorsk.
            let october = try await client.execute(uri: "/?maaned=2026-10", method: .get).text
            Self.expectNynorsk(october, "/?maaned=2026-10")
            for day in [6, 7, 8] { #expect(october.contains("Flytta frå \(day). oktober 2026 (Høstferie)"), "\(day)") }

            let bad = try await client.execute(uri: "/?maaned=mars", method: .get)
            #expect(bad.status == .badRequest)
            #expect(bad.text == "Ukjend månad «mars»: skriv året og månaden som 2027-03.\n")
            let far = try await client.execute(uri: "/?maaned=2040-01", method: .get)
            #expect(far.status == .notFound)
            #expect(far.text.hasPrefix("Januar 2040 er utanfor planperioden ("))
            let feed = try await client.execute(uri: "/feeds/finst-ikkje.ics", method: .get)
            #expect(feed.text == "Ukjend kalender: finst-ikkje.ics\n")
            let wheel = try await client.execute(uri: "/arshjul/1999-00.svg", method: .get)
            #expect(wheel.text.hasPrefix("Ukjend skuleår; desse finst: 2026-27.svg"))
            for reply in [bad.text, far.text, feed.text, wheel.text] {
                #expect(Self.bokmal(in: reply).isEmpty, "\(reply)")
            }
        }
    }

    @Test func thePrivateOverviewIsNynorsk() async throws {
        let fixture = try Self.fixture()
        try await fixture.live(now: PersonalLinkTests.now) { client in
            let page = try await client.execute(uri: "/private/\(ServerFixture.privateToken)/oversikt", method: .get)
            #expect(page.status == .ok)
            Self.expectNynorsk(page.text, "private overview")
            #expect(page.text.contains("<title>Oppgåver per leiar – Melhus kommune</title>"))
            #expect(page.text.contains("Ikkje offentleg: denne sida er berre for den som har den private nøkkelen."))
            #expect(page.text.contains("<h2 id=\"per-leder\">Referat og oppgåver per leiar</h2>"))
            // Melhus vest's September referat: due 24 September, so 7 days overdue on 1 October.
            #expect(page.text.contains("over fristen for 7 dagar sidan"), "\(page.text)")
            // The referat row names the meeting once: the title already has the instance's name.
            #expect(page.text.contains("<td>Tverrfaglig nettverk – Melhus vest, 16. september 2026</td>"))
            #expect(!page.text.contains("Melhus vest – Melhus vest"))
            let wrong = try await client.execute(uri: "/private/feil-nokkel/oversikt", method: .get)
            #expect(wrong.status == .notFound)
            #expect(wrong.text == "Ukjend kalender.\n")
        }
    }

    @Test func thePersonalPageAndItsButtonsAreNynorsk() async throws {
        let fixture = try Self.fixture()
        let token = try #require(try PersonalLinkTests.links(fixture)[PersonalLinkTests.eid])
        let path = "/meg/\(token)"
        try await fixture.live(now: PersonalLinkTests.now) { client in
            let shown = try await client.execute(uri: path, method: .get)
            #expect(shown.status == .ok)
            let page = shown.text
            Self.expectNynorsk(page, path)
            #expect(page.contains("<h1>Mi side – Enhetsleder, Eid barnehage og skole (Eksempel: Liv Dahl)</h1>"))
            #expect(page.contains("Hei Eksempel: Liv Dahl! Her ser du det du skal gjere, og møta dine. Per torsdag 1. oktober 2026 kl. 12:00."))
            #expect(page.contains("Lenka er personleg: ikkje del henne med andre."))
            #expect(page.contains("<h2 id=\"oppgaver\">Det du skal gjere</h2>"))
            #expect(page.contains("<th scope=\"col\">Frist</th><th scope=\"col\">Kva</th><th scope=\"col\">Merk som gjort</th>"))
            // The network meets 18 November 2026; its innkalling button names the day.
            #expect(page.contains("aria-label=\"Innkalling sendt for møtet 18. november 2026\">Innkalling sendt</button>"))
            #expect(page.contains(">Referat levert</button>"))
            #expect(page.contains("Dei neste møta dine"))
            #expect(page.contains("<td>leiar</td>"))
            #expect(page.contains("Kalenderen din"))
            #expect(page.contains("opne i kalenderprogrammet"))

            let sent = try await client.execute(
                uri: path, method: .post, headers: PersonalLinkTests.form,
                body: .text("handling=innkalling&uid=\(PersonalLinkTests.vestNovember)"))
            #expect(sent.status == .seeOther)
            let confirmed = try await client.execute(uri: "\(path)?ok=innkalling", method: .get).text
            Self.expectNynorsk(confirmed, "after the innkalling button")
            #expect(confirmed.contains("Registrert: innkallinga er sendt. Du får ikkje fleire påminningar om henne."))
            #expect(confirmed.contains("<h2 id=\"sendt\">Innkallingar du har sendt</h2>"))
            // Wednesday 18 November 2026, as worked out above.
            #expect(confirmed.contains("aria-label=\"Angre innkalling sendt: Tverrfaglig nettverk – Melhus vest, onsdag 18. november 2026\""))

            // The November meeting is not held on 1 October: no referat for it yet.
            let early = try await client.execute(
                uri: path, method: .post, headers: PersonalLinkTests.form,
                body: .text("handling=referat&uid=\(PersonalLinkTests.vestNovember)&levert=2026-10-01"))
            #expect(early.status == .badRequest)
            Self.expectNynorsk(early.text, "refused button")
            #expect(early.text.contains("<h1>Ikkje registrert</h1>"))
            #expect(early.text.contains("Møtet er ikkje halde enno, så referatet kan ikkje vere levert."))
            #expect(early.text.contains(">Tilbake til sida di</a>"))

            let unknown = try await client.execute(uri: "/meg/ukjend-lenke", method: .get)
            #expect(unknown.status == .notFound)
            Self.expectNynorsk(unknown.text, "unknown link")
            #expect(unknown.text.contains("<h1>Fann ikkje sida</h1>"))
        }
    }

    @Test func theReferatFormsRepliesAreNynorsk() async throws {
        let fixture = try Self.fixture()
        let uid = ServerFixture.vestSeptember
        let encoded = uid.replacingOccurrences(of: "@", with: "%40")
        let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        try await fixture.live(now: PersonalLinkTests.now) { client in
            let wrong = try await client.execute(uri: "/referat", method: .post, headers: form, body: .text("uid=\(encoded)&token=feil"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("<title>Referatet blei ikkje registrert</title>"))
            #expect(wrong.text.contains("<p role=\"alert\">Nøkkelen er ikkje gyldig."), "\(wrong.text)")
            let future = try await client.execute(
                uri: "/referat", method: .post, headers: form, body: .text("uid=\(encoded)&delivered=2026-10-05&token=\(ServerFixture.eidToken)"))
            #expect(future.status == .badRequest)
            #expect(future.text.contains("Levert dato 5. oktober 2026 er fram i tid."), "\(future.text)")
            // Held Wednesday 16 September 2026 (1 October − 15 days), due 24 September: 30 September is late.
            let done = try await client.execute(
                uri: "/referat", method: .post, headers: form, body: .text("uid=\(encoded)&delivered=2026-09-30&token=\(ServerFixture.eidToken)"))
            #expect(done.status == .created)
            #expect(done.text.contains("<h1>Referat registrert</h1>"))
            #expect(done.text.contains(
                "Registrert: referatet frå Tverrfaglig nettverk – Melhus vest, onsdag 16. september 2026 blei levert 30. september 2026, etter fristen (fristen var 24. september 2026)."),
                "\(done.text)")
            #expect(done.text.contains("<a href=\"/\">Tilbake til oversikta</a>"))
            let again = try await client.execute(
                uri: "/referat", method: .post, headers: form, body: .text("uid=\(encoded)&delivered=2026-09-29&token=\(ServerFixture.eidToken)"))
            #expect(again.status == .conflict)
            // The reply names the overview form's checkbox by its label.
            #expect(again.text.contains(
                "er alt registrert som levert 30. september 2026. Kryss av for «Erstatt ei tidlegare registrering» for å endre det."),
                "\(again.text)")
            for reply in [wrong.text, future.text, done.text, again.text] {
                Self.expectNynorsk(reply, "referat form reply")
            }
            // The JSON API keeps its English messages for scripts.
            let json = try await client.execute(
                uri: "/referat", method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer \(ServerFixture.eidToken)"],
                body: .text("{\"uid\": \"\(uid)\", \"delivered\": \"2026-09-30\"}"))
            #expect(json.status == .ok)
            #expect(json.text.contains("already recorded"))
        }
    }

    /// The other way round: a bokmål plan's pages carry none of the nynorsk words.
    @Test func aBokmalPlanHasNoNynorskOnItsPages() async throws {
        let fixture = try PersonalLinkTests.fixture()
        let token = try #require(try PersonalLinkTests.links(fixture)[PersonalLinkTests.eid])
        try await fixture.live(now: PersonalLinkTests.now) { client in
            for uri in ["/", "/?maaned=2026-11", "/private/\(ServerFixture.privateToken)/oversikt", "/meg/\(token)"] {
                let page = try await client.execute(uri: uri, method: .get).text
                #expect(page.contains("<html lang=\"nb\">"), "\(uri)")
                let words = Set(page.split(whereSeparator: { !$0.isLetter }).map(String.init))
                for word in ["ikkje", "Ikkje", "leiar", "Leiar", "kva", "Kva", "kven", "deltakarar", "leverast", "Flytta", "oppgåver", "berre"] {
                    #expect(!words.contains(word), "\(uri): \(word)")
                }
            }
        }
    }
}
