import Testing
@testable import MoteplanCore

/// A whole school year stepped day by day with --now: referat statuses and obligations turn on
/// exactly the right days. Expected dates are worked out by hand from the Melhus config:
/// networks meet the 3rd Wednesday of Sep/Nov/Feb/Apr at 13:00 with notice_days 21 and a referat
/// due 14 days later or at the samarbeidsgruppe's agenda close (7 days before its first-Thursday
/// meeting), whichever is earlier.
struct ReferatSteppingTests {
    let config: Configuration
    let schedule: Schedule

    init() throws {
        config = try Fixtures.load(Fixtures.networksTogether(Fixtures.melhusText)).configuration
        schedule = Scheduler(configuration: config).schedule()
    }

    func uid(_ group: String, _ day: String) -> String { "nettverk.\(group)-\(day)@moteplan.melhus.example.no" }

    /// The scripted deliveries: (group, meeting day, delivered).
    static let deliveries = [
        ("nedre-melhus", "20260916", "2026-09-20"),  // on time
        ("melhus-sor", "20260916", "2026-09-24"),  // on the due day: on time
        ("melhus-vest", "20260916", "2026-09-26"),  // 2 days late
    ]

    func ledger(on day: LocalDate) -> ReferatLedger {
        let records = Self.deliveries.compactMap { group, meeting, delivered -> ReferatRecord? in
            guard let date = LocalDate(iso: delivered), date <= day else { return nil }
            return ReferatRecord(uid: uid(group, meeting), delivered: date, deliveredBy: nil, reference: "arkiv-\(group)")
        }
        return ReferatLedger(configuration: config, schedule: schedule, records: records)
    }

    func days() throws -> [LocalDate] {
        let first = try #require(LocalDate(iso: "2026-08-01"))
        return (0..<365).map { first.adding(days: $0) }
    }

    func d(_ text: String) -> LocalDate { LocalDate(iso: text) ?? LocalDate(daysSinceEpoch: 0) }

    @Test func dueDatesAreWorkedOutByHand() {
        let due = Dictionary(uniqueKeysWithValues: ledger(on: d("2026-08-01")).expected.map { ($0.uid, $0.due.description) })
        #expect(due[uid("melhus-vest", "20260916")] == "2026-09-24")  // agenda close of 1 Oct before 30 Sep
        #expect(due[uid("melhus-vest", "20261118")] == "2026-11-26")  // close of 3 Dec
        // Close of 4 Mar = Thu 25 Feb, in the vinterferie (week 8) of this school-calendar
        // structure: the previous working day, Fri 19 Feb (WorkingDayRule).
        #expect(due[uid("melhus-vest", "20270217")] == "2027-02-19")
        #expect(due[uid("melhus-vest", "20270421")] == "2027-04-30")  // close of 7 May (moved from 6 May)
        #expect(ledger(on: d("2026-08-01")).expected.count == 24)  // 3 networks × 4 × 2 school years
    }

    @Test func statusesTurnOnTheRightDays() throws {
        let vest = uid("melhus-vest", "20260916")
        let nedre = uid("nedre-melhus", "20261118")
        for day in try days() {
            let ledger = ledger(on: day)
            let now = LocalDateTime(date: day, time: .midnight)
            let vestState = try #require(ledger.expected(uid: vest)).self
            let nedreState = try #require(ledger.expected(uid: nedre))
            let expectedVest: ReferatState =
                day <= d("2026-09-16") ? .notDueYet
                : day <= d("2026-09-24") ? .due(by: d("2026-09-24"))
                : day == d("2026-09-25") ? .overdue(days: 1)
                : .deliveredLate(d("2026-09-26"), days: 2)
            #expect(ledger.state(of: vestState, now: now) == expectedVest, "\(day)")
            let expectedNedre: ReferatState =
                day <= d("2026-11-18") ? .notDueYet
                : day <= d("2026-11-26") ? .due(by: d("2026-11-26"))
                : .overdue(days: d("2026-11-26").days(to: day))
            #expect(ledger.state(of: nedreState, now: now) == expectedNedre, "\(day)")
        }
        let last = ledger(on: d("2027-07-31"))
        let final = try #require(last.expected(uid: nedre))
        #expect(last.state(of: final, now: LocalDateTime(date: d("2027-07-31"), time: .midnight)) == .overdue(days: 247))
        let sor = try #require(last.expected(uid: uid("melhus-sor", "20260916")))
        #expect(last.state(of: sor, now: LocalDateTime(date: d("2027-07-31"), time: .midnight)) == .deliveredOnTime(d("2026-09-24")))
    }

    @Test func obligationsAppearAndDisappearOnTheRightDays() throws {
        struct Watch {
            var kind: Obligation.Kind
            var leader: String
            var instance: String
            var meeting: String?
            var first: String
            var last: String
        }
        let watches = [
            // Referat of Melhus vest 16 Sep: from the day after the meeting until delivered on 26 Sep.
            Watch(kind: .referat, leader: "eid-barnehage-og-skole", instance: "melhus-vest", meeting: "2026-09-16T13:00", first: "2026-09-17", last: "2026-09-25"),
            // Referat of Nedre Melhus 18 Nov: never delivered, so to the end of the year.
            Watch(kind: .referat, leader: "gimse-ungdomsskole", instance: "nedre-melhus", meeting: "2026-11-18T13:00", first: "2026-11-19", last: "2027-07-31"),
            // Innkalling to Melhus vest 18 Nov, due 28 Oct: in the six-week window from 16 Sep, until the meeting.
            Watch(kind: .innkalling, leader: "eid-barnehage-og-skole", instance: "melhus-vest", meeting: "2026-11-18T13:00", first: "2026-09-16", last: "2026-11-18"),
            // SLT on the agenda of Melhus vest 17 Feb (due 27 Jan): from 16 Dec until the meeting.
            Watch(kind: .invitasjon, leader: "eid-barnehage-og-skole", instance: "melhus-vest", meeting: "2027-02-17T13:00", first: "2026-12-16", last: "2027-02-17"),
            // The samarbeidsgruppe's sakliste for 1 Oct: from the day after the 3 Sep meeting until 1 Oct.
            Watch(kind: .sakliste, leader: "leder-ffm", instance: "samarbeidsgruppe", meeting: "2026-10-01T09:00", first: "2026-09-04", last: "2026-10-01"),
            // Handover of Melhus vest (term ends 31 Jul 2027), due by the last school day, Fri 18 Jun:
            // six weeks before it (Fri 7 May) until the term ends, for Eid and for Gåsbakken.
            Watch(kind: .lederskifte, leader: "eid-barnehage-og-skole", instance: "melhus-vest", meeting: nil, first: "2027-05-07", last: "2027-07-31"),
            Watch(kind: .lederskifte, leader: "gasbakken-barnehage-og-skole", instance: "melhus-vest", meeting: nil, first: "2027-05-07", last: "2027-07-31"),
        ]
        var seen: [Int: [LocalDate]] = [:]
        let rotation = RotationPlanner(configuration: config, recorded: [])
        for day in try days() {
            let now = LocalDateTime(date: day, time: .midnight)
            let planner = ObligationPlanner(configuration: config, schedule: schedule, ledger: ledger(on: day), rotation: rotation)
            let open = planner.obligations(filter: .all, now: now, from: nil, to: day.adding(days: 42))
            for (index, watch) in watches.enumerated()
            where open.contains(where: {
                $0.kind == watch.kind && $0.leader?.id == watch.leader && $0.instanceID == watch.instance
                    && $0.meeting?.description == watch.meeting
            }) {
                seen[index, default: []].append(day)
            }
        }
        for (index, watch) in watches.enumerated() {
            let days = seen[index] ?? []
            #expect(days.first?.description == watch.first, "\(watch.kind) \(watch.instance) first")
            #expect(days.last?.description == watch.last, "\(watch.kind) \(watch.instance) last")
            // Visible on every day in between: no gaps.
            #expect(days.count == (days.first.map { d(watch.last).days(to: $0) }.map { -$0 + 1 } ?? 0), "\(watch.kind) \(watch.instance) gaps")
        }
    }

    /// Due dates on closed days move to the previous working day; day counts agree in number.
    @Test func obligationsFallOnWorkingDays() throws {
        let rotation = RotationPlanner(configuration: config, recorded: [])
        let planner = ObligationPlanner(configuration: config, schedule: schedule, ledger: ledger(on: d("2026-12-31")), rotation: rotation)
        func open(_ day: String) -> [Obligation] {
            planner.obligations(filter: .leader("eid-barnehage-og-skole"), now: LocalDateTime(date: d(day), time: .midnight), from: nil, to: d("2027-01-31"))
        }
        // Eid's lokale team meets Wed 6 Jan 2027 (1st Wednesday), notice 7 days: 30 Dec, in the
        // juleferie (21 Dec–1 Jan) of this school-calendar structure → Fri 18 Dec.
        let innkalling = try #require(open("2026-12-01").first { $0.kind == .innkalling && $0.meeting?.description == "2027-01-06T10:30" })
        #expect(innkalling.due == d("2026-12-18"))
        // Melhus vest's 18 Nov referat is due Thu 26 Nov: one day late on 27 Nov, five on 1 Dec.
        let referat = { (day: String) in open(day).first { $0.kind == .referat && $0.meeting?.description == "2026-11-18T13:00" }?.text ?? "" }
        #expect(referat("2026-11-27").hasSuffix(" Forfalt for 1 dag siden."))
        #expect(referat("2026-12-01").hasSuffix(" Forfalt for 5 dager siden."))
    }

    @Test func eachAgendaListsExactlyTheReferatRecordedBeforeItClosed() throws {
        let structure = try #require(config.structure("samarbeidsgruppe"))
        let final = ledger(on: d("2027-07-31"))
        let meetings = schedule.meetings.filter { $0.instance.structureID == "samarbeidsgruppe" }
        func agenda(_ day: String) throws -> AgendaDraft {
            let meeting = try #require(meetings.first { $0.date.description == day })
            return AgendaDraft(structure: structure, meeting: meeting, schedule: schedule, ledger: final)
        }
        // 1 Oct (closes 24 Sep): Nedre Melhus (20 Sep) and Melhus sør (24 Sep) are in; Melhus vest (26 Sep)
        // came after the close: delivered late, not missing (with the ledger of 31 July, it is delivered).
        let october = try agenda("2026-10-01")
        #expect(october.received.map { $0.referat.meeting.instance.instanceID } == ["nedre-melhus", "melhus-sor"])
        #expect(october.received.map { $0.record.reference ?? "" } == ["arkiv-nedre-melhus", "arkiv-melhus-sor"])
        #expect(october.late.map { $0.referat.meeting.instance.instanceID } == ["melhus-vest"])
        #expect(october.missing.isEmpty)
        // 5 Nov (closes 29 Oct): Melhus vest's late referat arrived since the last agenda closed; nothing missing.
        let november = try agenda("2026-11-05")
        #expect(november.received.map { $0.referat.meeting.instance.instanceID } == ["melhus-vest"])
        #expect(november.missing.isEmpty)
        // 3 Dec (closes 26 Nov): all three 18 Nov referat are missing, none received.
        let december = try agenda("2026-12-03")
        #expect(december.received.isEmpty)
        #expect(december.missing.map { $0.meeting.date.description } == ["2026-11-18", "2026-11-18", "2026-11-18"])
        let text = october.render(.text, in: .bokmal)
        #expect(text.contains("Tverrfaglig nettverk – Nedre Melhus, 16. september 2026: mottatt 20. september 2026 – ref. arkiv-nedre-melhus"))
        #expect(text.contains("   - Tverrfaglig nettverk – Melhus vest, 16. september 2026: levert 26. september 2026, etter at saklisten ble lukket"))
        #expect(!text.contains("Referat som mangler"))
        // Before the late referat arrived (the ledger of 25 September), it is missing.
        let before = AgendaDraft(structure: structure, meeting: october.meeting, schedule: schedule, ledger: ledger(on: d("2026-09-25")))
        #expect(before.missing.map { $0.meeting.instance.instanceID } == ["melhus-vest"])
        #expect(before.late.isEmpty)
        // Every agenda of the year: received ⊆ delivered by its close; missing = held before the close, not delivered by then.
        for meeting in meetings {
            let draft = AgendaDraft(structure: structure, meeting: meeting, schedule: schedule, ledger: final)
            #expect(draft.received.allSatisfy { $0.record.delivered <= draft.closes })
            #expect(draft.missing.allSatisfy { m in m.meeting.date <= draft.closes && final.records[m.uid] == nil })
            #expect(draft.late.allSatisfy { $0.referat.meeting.date <= draft.closes && $0.record.delivered > draft.closes })
        }
    }

    @Test func agendaCarriesMarkersAndEscapesHTML() throws {
        let structure = try #require(config.structure("samarbeidsgruppe"))
        let meeting = try #require(schedule.meetings.first { $0.instance.structureID == "samarbeidsgruppe" && !$0.markers.isEmpty })
        let draft = AgendaDraft(structure: structure, meeting: meeting, schedule: schedule, ledger: ledger(on: d("2026-08-01")))
        #expect(draft.render(.text, in: .bokmal).contains("Politikontakt og vgs deltar\n   - Inviteres: Politikontakt, Representanter fra videregående skole"))
        let html = draft.render(.html, in: .bokmal)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nb\">"))
        // Every page's shared style (long words broken at 320 px, WCAG 1.4.10), in the head; the
        // reflow check in Chromium finds the missing style only where the fonts are wide.
        let head = try #require(html.range(of: "</head>")).lowerBound
        #expect(html[..<head].contains(AccessibleMarkup.style))
        #expect(html[..<head].contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<li>Politikontakt og vgs deltar<ul><li>Inviteres: Politikontakt, Representanter fra videregående skole</li></ul></li>"))
        #expect(draft.render(.markdown, in: .bokmal).hasPrefix("# Sakliste – Tverrfaglig samarbeidsgruppe barn og unge, torsdag 6. august 2026"))
    }
}
