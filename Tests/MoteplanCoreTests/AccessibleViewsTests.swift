import MoteplanCore
import Testing

/// The text alternatives and the reflow markup of the pages (WCAG 2.1 AA, "universell utforming").
/// What a browser must see (axe-core, 320 px reflow) is checked by scripts/browser-check and
/// scripts/report-browser-check in `make test`; these check the markup they rest on.
struct AccessibleViewsTests {
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The årshjul's table says what the wheel draws: per structure, the meetings in the table's
    /// "I alt" column are as many as the marks in that structure's ring (its circles less the ring's
    /// own outline circle), and the twelve month cells add up to it.
    @Test func arshjulTableHasTheWheelsMeetings() throws {
        let configuration = try Fixtures.load(Fixtures.melhusText).configuration
        let schedule = Scheduler(configuration: configuration).schedule()
        let svg = ArshjulSVG.render(configuration: configuration, schedule: schedule, startYear: 2026)
        let text = ArshjulText.render(configuration: configuration, schedule: schedule, startYear: 2026)
        #expect(text.contains("<caption>Årshjul 2026/27 som tabell: møter per måned</caption>"))
        #expect(text.contains("<th scope=\"col\">August</th>") && text.contains("<th scope=\"col\">Juli</th>"))
        for structure in configuration.structures {
            let ring = svg.components(separatedBy: "<g id=\"ring-\(structure.id)\"")[1].components(separatedBy: "</g>")[0]
            let marks = Self.count("<circle", in: ring) - 1
            let row = try #require(text.components(separatedBy: "<th scope=\"row\">\(structure.title)</th>").dropFirst().first?
                .components(separatedBy: "</tr>").first)
            let cells = row.components(separatedBy: "<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
            #expect(cells.count == 13, "\(structure.id)")
            // "3" or "3 (1 avlyst)" → 3; "–" → 0.
            let numbers = cells.map { Int($0.split(separator: " ").first ?? "") ?? 0 }
            #expect(numbers.last == marks, "\(structure.id): the table's total is the ring's marks")
            #expect(numbers.dropLast().reduce(0, +) == marks, "\(structure.id): the months add up")
        }
        // Every shaded holiday is named in the list too.
        let year = configuration.calendar.schoolYears.first(where: { $0.startYear == 2026 })
        for holiday in year?.holidays ?? [] {
            #expect(text.contains("<li>\(holiday.name):"))
        }
    }

    /// The wheel is an image with a title and a description (read by screen readers instead of
    /// the drawing).
    @Test func arshjulIsAnImageWithTitleAndDescription() throws {
        let configuration = try Fixtures.load(Fixtures.melhusText).configuration
        let svg = ArshjulSVG.render(configuration: configuration, schedule: Scheduler(configuration: configuration).schedule(), startYear: 2026)
        #expect(svg.contains("role=\"img\" aria-labelledby=\"arshjul-tittel arshjul-beskrivelse\""))
        #expect(svg.contains("<title id=\"arshjul-tittel\">Årshjul 2026/27"))
        #expect(svg.contains("<desc id=\"arshjul-beskrivelse\">"))
    }

    /// Tables get a scrolling region named by their caption, else by the heading before them.
    /// The expected text is written out by hand from the rule.
    @Test func tablesScrollInNamedRegions() {
        let html = "<h2 id=\"a\">Nettverks<em>ledere</em></h2>\n<table><tr><td>1</td></tr></table>\n"
            + "<table>\n<caption>Tall \"i\" tabell</caption><tr><td>2</td></tr></table>"
        let expected = "<h2 id=\"a\">Nettverks<em>ledere</em></h2>\n"
            + "<div class=\"tabell\" role=\"region\" aria-label=\"Nettverksledere\" tabindex=\"0\"><table><tr><td>1</td></tr></table></div>\n"
            + "<div class=\"tabell\" role=\"region\" aria-label=\"Tall &quot;i&quot; tabell\" tabindex=\"0\"><table>\n<caption>Tall \"i\" tabell</caption><tr><td>2</td></tr></table></div>"
        #expect(AccessibleMarkup.scrollableTables(html, catalogue: .bokmal) == expected)
        #expect(AccessibleMarkup.scrollableTables("<p>Ingen tabell</p>", catalogue: .bokmal) == "<p>Ingen tabell</p>")
        #expect(AccessibleMarkup.style.contains(":focus-visible, input:focus-within { outline: 3px solid"))
    }

    /// The head every page starts with, written out by hand: the shared style first, then the
    /// page's own rules; the title and the meta values escaped.
    @Test func pageHeadPutsTheSharedStyleFirst() {
        let head = PageHead.render(language: "nn", title: "Møte <A & B>", meta: [.noReferrer, PageHead.Meta("x", "\"y\"")], style: "h1 { color: red; }")
        let expected = "<!DOCTYPE html>\n<html lang=\"nn\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"x\" content=\"&quot;y&quot;\">\n"
            + "<title>Møte &lt;A &amp; B&gt;</title>\n<style>\n" + AccessibleMarkup.style + "\nh1 { color: red; }\n</style>\n</head>\n"
        #expect(head == expected)
        #expect(PageHead.render(language: "nb", title: "T") == "<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>T</title>\n<style>\n"
            + AccessibleMarkup.style + "\n</style>\n</head>\n")
    }

    /// The printable plan: its month tables scroll on a narrow screen, keyboard focus is visible,
    /// and it scales to the device (viewport).
    @Test func printablePlanReflows() throws {
        let configuration = try Fixtures.load(Fixtures.melhusText).configuration
        let schedule = Scheduler(configuration: configuration).schedule()
        let query = PlanQuery(from: LocalDate(iso: "2026-09-01"), to: LocalDate(iso: "2026-10-31"), structure: "nettverk")
        let rows = query.filter(schedule.meetings).map { PlanRow(meeting: $0, uidDomain: configuration.municipality.uidDomain, catalogue: configuration.catalogue) }
        let html = PlanHTML.render(rows, configuration: configuration)
        // September and October: two month tables, each in its region.
        #expect(Self.count("<div class=\"tabell\" role=\"region\" aria-label=\"September 2026\" tabindex=\"0\"><table>", in: html) == 1)
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<div class=\"tabell\" role=\"region\" aria-label=\""))
        #expect(Self.count("<table>", in: html) == Self.count("<div class=\"tabell\"", in: html))
        let head = try #require(html.range(of: "</head>")).lowerBound
        #expect(html[..<head].contains("<style>\n" + AccessibleMarkup.style + "\n" + PlanHTML.style + "\n</style>"))
    }
}
