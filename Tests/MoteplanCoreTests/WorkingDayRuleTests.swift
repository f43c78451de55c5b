import MoteplanCore
import Testing

/// The previous-working-day rule across Easter and Christmas, and the Norwegian wording of counts.
/// Every expected day below is worked out by hand from the Melhus calendar
/// (Tests/Fixtures/melhus-fixed.toml): juleferie 21 Dec 2026–1 Jan 2027, påskeferie 22–29 Mar
/// 2027, vinterferie week 8 (22–28 Feb 2027), closed days 24 and 31 Dec, planleggingsdag
/// 4 Jan 2027 (school only); Easter Sunday 2027 is 28 March (skjærtorsdag 25, langfredag 26,
/// 2. påskedag 29); 1 Jan 2027 is a Friday.
struct WorkingDayRuleTests {
    func d(_ text: String) -> LocalDate { LocalDate(iso: text) ?? LocalDate(daysSinceEpoch: 0) }

    func rule() throws -> WorkingDayRule {
        WorkingDayRule(configuration: try Fixtures.load(Fixtures.melhusText).configuration)
    }

    @Test func aWorkingDayStays() throws {
        let rule = try rule()
        // Thursday 24 September 2026: a school day.
        #expect(rule.onOrBefore(d("2026-09-24"), school: true) == d("2026-09-24"))
        #expect(rule.onOrAfter(d("2026-09-24"), school: false) == d("2026-09-24"))
    }

    @Test func christmas() throws {
        let rule = try rule()
        // Julaften (Thu 24 Dec) is closed: Wednesday 23 December.
        #expect(rule.onOrBefore(d("2026-12-24"), school: false) == d("2026-12-23"))
        // Nyttårsdag (Fri 1 Jan) and nyttårsaften (Thu 31 Dec) closed: Wednesday 30 December.
        #expect(rule.onOrBefore(d("2027-01-01"), school: false) == d("2026-12-30"))
        // A school structure: the whole juleferie back to its Friday before, 18 December.
        #expect(rule.onOrBefore(d("2026-12-30"), school: true) == d("2026-12-18"))
        // Monday 4 January: planleggingsdag for schools only.
        #expect(rule.onOrBefore(d("2027-01-04"), school: true) == d("2026-12-18"))
        #expect(rule.onOrBefore(d("2027-01-04"), school: false) == d("2027-01-04"))
    }

    @Test func easter() throws {
        let rule = try rule()
        // 2. påskedag (Mon 29 Mar) back over Easter Sunday, Saturday, langfredag, skjærtorsdag: Wed 24.
        #expect(rule.onOrBefore(d("2027-03-29"), school: false) == d("2027-03-24"))
        // For schools the påskeferie starts Monday 22 March: back to Friday 19 March.
        #expect(rule.onOrBefore(d("2027-03-28"), school: true) == d("2027-03-19"))
        // Forward (overdue reminders): Saturday 20 Feb over the vinterferie to Monday 1 March.
        #expect(rule.onOrAfter(d("2027-02-20"), school: true) == d("2027-03-01"))
        // Forward for everyone from skjærtorsdag: Tuesday 30 March.
        #expect(rule.onOrAfter(d("2027-03-25"), school: false) == d("2027-03-30"))
    }

    @Test func dayCountsAgreeInNumber() {
        let nb = Catalogue.bokmal
        #expect(nb.days(1) == "1 dag")
        #expect(nb.days(4) == "4 dager")
        #expect(nb.days(0) == "0 dager")
        #expect(nb.days(22) == "22 dager")
        #expect(nb.days(-1) == "-1 dag")
        #expect(nb.list(["SLT-koordinator", "politikontakt"]) == "SLT-koordinator og politikontakt")
        #expect(nb.list(["a", "b", "c"]) == "a, b og c")
        #expect(nb.list(["a"]) == "a" && nb.list([]) == "")
        #expect(NorwegianCount.midSentence("Politikontakt") == "politikontakt")
        #expect(NorwegianCount.midSentence("SLT-koordinator") == "SLT-koordinator")
    }

    @Test func greetingByFirstName() {
        #expect(Greeting.name(Role(id: "borsa", name: "Rektor, Børsa skole", person: "Hilde Aune")) == "Hilde")
        #expect(Greeting.name(Role(id: "eid", name: "Enhetsleder, Eid", person: "Eksempel: Liv Dahl")) == "Liv")
        #expect(Greeting.name(Role(id: "ppt", name: "PPT-leder")) == "PPT-leder")
        #expect(Greeting.name(Role(id: "ppt", name: "PPT-leder", person: "  ")) == "PPT-leder")
    }
}
