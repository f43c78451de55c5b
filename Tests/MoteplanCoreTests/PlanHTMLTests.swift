import MoteplanCore
import Testing

/// `moteplan plan --format html`: printable, A4 landscape, a table per month, escaped.
struct PlanHTMLTests {
    @Test func printablePlan() throws {
        let configuration = try Fixtures.load(Fixtures.melhusText).configuration
        let schedule = Scheduler(configuration: configuration).schedule()
        let query = PlanQuery(from: LocalDate(iso: "2026-09-01"), to: LocalDate(iso: "2026-10-31"), structure: "nettverk")
        let rows = query.filter(schedule.meetings).map { PlanRow(meeting: $0, uidDomain: configuration.municipality.uidDomain, catalogue: configuration.catalogue) }
        let html = PlanHTML.render(rows, configuration: configuration)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@page { size: A4 landscape;"))
        #expect(html.contains("<h2>September 2026</h2>"))
        #expect(!html.contains("<h2>Oktober 2026</h2>"))
        #expect(html.components(separatedBy: "<tr><td>").count - 1 == rows.count)
        #expect(html.contains("ons. 16. september 2026"))
        #expect(html == PlanHTML.render(rows, configuration: configuration))
        #expect(PlanHTML.render([], configuration: configuration).contains("Ingen møter"))
    }

    @Test func htmlInNamesIsEscaped() throws {
        let text = Fixtures.melhus(replacing: "name = \"Melhus kommune\"", with: "name = \"Melhus <b>kommune</b>\"")
        let configuration = try Fixtures.load(text).configuration
        let html = PlanHTML.render([], configuration: configuration)
        #expect(html.contains("Melhus &lt;b&gt;kommune&lt;/b&gt;"))
        #expect(!html.contains("<b>"))
    }
}
