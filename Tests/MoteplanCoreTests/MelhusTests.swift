import Testing
@testable import MoteplanCore

/// The bundled Melhus config expresses section 3.1 of the plan.
struct MelhusTests {
    let config: Configuration
    let schedule: Schedule

    init() throws {
        config = try Fixtures.load(Fixtures.melhusText, file: "Config/melhus.toml").configuration
        schedule = Scheduler(configuration: config).schedule()
    }

    func meetings(_ structure: String) -> [Meeting] {
        schedule.meetings.filter { $0.instance.structureID == structure }
    }

    /// The schools and kindergartens of the plan's network table (3.1.3), typed in from the plan.
    static let networkTableUnits = [
        "Gimse barneskole", "Gimse ungdomsskole", "Høyeggen barneskole", "Brekkåsen barneskole",
        "Nedre Melhus barnehager", "Elvebakken barnehage", "Løvset barnehage", "Brekkåsen idrettsbarnehage",
        "Flå barnehage og skole", "Lundamo barnehage og skole", "Hovin barnehage og skole",
        "Rosmælen barnehage og skole", "Lundamo ungdomsskole", "Øya ungdomsskole",
        "Eid barnehage og skole", "Gåsbakken barnehage og skole",
    ]

    @Test func oneLocalTeamPerSchoolAndKindergartenMeetingMonthly() {
        let instances = schedule.instances.filter { $0.structureID == "lokalt-team" }
        #expect(instances.map(\.name).sorted() == Self.networkTableUnits.sorted())
        for instance in instances {
            let own = meetings("lokalt-team").filter { $0.instance == instance }
            // One a month in every school month, September to June, both school years.
            let months = own.map { "\($0.date.year)-\($0.date.month)" }
            #expect(Set(months).count == own.count, "two meetings in one month for \(instance.instanceID)")
            #expect(own.count == 20, "\(instance.instanceID) has \(own.count)")
            #expect(own.allSatisfy { ![7, 8].contains($0.date.month) })
            // Led by the unit's own head: "Rektor, Gimse barneskole", "Styrer, …".
            #expect(own.allSatisfy { $0.leader?.name.hasSuffix(", \(instance.name)") ?? false })
            #expect(own.allSatisfy { m in m.participants.map(\.name).contains("PPT") && m.participants.map(\.name).contains("Helsestasjon og skolehelsetjenesten") })
        }
    }

    @Test func threeNetworksFourTimesPerSchoolYearWithMembers() {
        let networks = meetings("nettverk")
        #expect(Set(networks.map(\.instance.instanceID)) == ["nedre-melhus", "melhus-sor", "melhus-vest"])
        for year in [2026, 2027] {
            for group in ["nedre-melhus", "melhus-sor", "melhus-vest"] {
                let count = networks.filter {
                    $0.instance.instanceID == group && SchoolYear.startYear(containing: $0.date) == year
                }.count
                #expect(count == 4, "\(group) \(year): \(count)")
            }
        }
        let vest = networks.first { $0.instance.instanceID == "melhus-vest" }
        #expect(vest?.participants.map(\.name).prefix(2) == ["Eid barnehage og skole", "Gåsbakken barnehage og skole"])
    }

    @Test func samarbeidsgruppeMonthlyExceptJuly() {
        let group = meetings("samarbeidsgruppe")
        #expect(group.allSatisfy { $0.date.month != 7 })
        var perMonth: [String: Int] = [:]
        for m in group { perMonth["\(m.date.year)-\(m.date.month)", default: 0] += 1 }
        // 1 Aug 2026 – 31 Jul 2028: 24 months, less two Julys.
        #expect(perMonth.count == 22)
        #expect(perMonth.values.allSatisfy { $0 == 1 })
    }

    @Test func sltSteeringGroupTwiceAYearOncePerHalfYear() {
        let slt = meetings("slt-styringsgruppe")
        #expect(slt.count == 4)
        #expect(Set(slt.map { HalfYear(containing: $0.date) }).count == 4)
    }

    @Test func droftingTwoToFourTimesAMonth() {
        var perMonth: [String: Int] = [:]
        for m in meetings("drofting") { perMonth["\(m.date.year)-\(m.date.month)", default: 0] += 1 }
        #expect(perMonth.count == 22)
        #expect(perMonth.values.allSatisfy { (2...4).contains($0) }, "\(perMonth)")
    }

    @Test func sltMarkerOnFirstNetworkMeetingOfEachHalfYear() {
        // Nedre Melhus and Melhus vest meet on the 3rd Wednesday; Melhus sør on the 4th, whose
        // February meetings fall in the vinterferie (uke 8) and move five days either way, the
        // tie going later: 2027-02-24 → Monday 2027-03-01, 2028-02-23 → Monday 2028-02-28.
        let firsts = [
            "nedre-melhus": ["2026-09-16", "2027-02-17", "2027-09-15", "2028-02-16"],
            "melhus-vest": ["2026-09-16", "2027-02-17", "2027-09-15", "2028-02-16"],
            "melhus-sor": ["2026-09-23", "2027-03-01", "2027-09-22", "2028-02-28"],
        ]
        for (group, dates) in firsts {
            let marked = meetings("nettverk").filter { $0.instance.instanceID == group && $0.markers.contains { $0.id == "slt" } }
            #expect(marked.map { $0.date.description } == dates, "\(group)")
            #expect(marked.allSatisfy { $0.markers.first?.guests.map(\.name) == ["SLT-koordinator", "Politikontakt"] })
        }
    }

    @Test func guestMarkerOnTwoSamarbeidsgruppeMeetingsPerHalfYear() {
        let marked = meetings("samarbeidsgruppe").filter { !$0.markers.isEmpty }.map { $0.date.description }
        #expect(marked == [
            "2026-08-06", "2026-09-03", "2027-01-07", "2027-02-04", "2027-08-05", "2027-09-02", "2028-01-06",
            "2028-02-03",
        ])
    }

    @Test func holidayMovesKeepTheIdentity() throws {
        // 6 May 2027 is Kristi himmelfartsdag: the first-Thursday meeting moves to Friday 7 May
        // (Wednesday 5 May is as near; ties go later), and keeps its planned date in the UID.
        let moved = try #require(meetings("samarbeidsgruppe").first { $0.plannedDate.description == "2027-05-06" })
        #expect(moved.date.description == "2027-05-07")
        #expect(moved.uid(domain: config.municipality.uidDomain) == "samarbeidsgruppe-20270506@moteplan.melhus.example.no")
        #expect(moved.notes(in: config.catalogue).last == "Flyttet fra 6. mai 2027 (Kristi himmelfartsdag)")
        // The same note in nynorsk names the day in nynorsk too.
        let nynorsk = try #require(Catalogue.named("nn"))
        #expect(moved.notes(in: nynorsk).last == "Flytta frå 6. mai 2027 (Kristi himmelfartsdag)")
    }

    @Test func schoolStructuresSkipSchoolHolidays() {
        let calendar = WorkCalendar(settings: config.calendar, years: 2026...2028)
        for m in meetings("lokalt-team") + meetings("nettverk") {
            #expect(calendar.isWorkingDay(m.date, school: true), "\(m.identity) on \(m.date)")
        }
        for m in schedule.meetings {
            #expect(calendar.isWorkingDay(m.date, school: false), "\(m.identity) on \(m.date)")
        }
    }

    @Test func scheduleIsDeterministicAndUIDsUnique() throws {
        let again = Scheduler(configuration: try Fixtures.load(Fixtures.melhusText).configuration).schedule()
        #expect(again.meetings == schedule.meetings)
        let uids = schedule.meetings.map { $0.uid(domain: "x") }
        #expect(Set(uids).count == uids.count)
        for (a, b) in zip(schedule.meetings, schedule.meetings.dropFirst()) {
            #expect(a.startDateTime <= b.startDateTime)
        }
    }

    @Test func embeddedExampleIsTheBundledConfig() {
        #expect(MelhusExample.toml + "\n" == Fixtures.exampleText, "run scripts/embed-example")
    }
}

/// The starting config `moteplan init` writes: embedded as Config/starter.toml says, and every key
/// a structure may have shown once (commented or not), so a rådgiver need not guess.
struct StarterConfigTests {
    @Test func embeddedCopyMatchesTheFile() throws {
        let file = try String(contentsOf: Fixtures.root.appendingPathComponent("Config/starter.toml"), encoding: .utf8)
        #expect(StarterConfig.toml + "\n" == file, "run scripts/embed-example")
    }

    @Test func everyStructureKeyIsShown() {
        let lines = StarterConfig.toml.components(separatedBy: "\n").map { $0.hasPrefix("# ") ? String($0.dropFirst(2)) : $0 }
        for key in ConfigReader.structureKeys {
            #expect(lines.contains { $0.hasPrefix("\(key) = ") || $0.hasPrefix("[structures.\(key)]") || $0.hasPrefix("[[structures.\(key)]]") }, "\(key)")
        }
        for kind in ConfigReader.cadenceKinds where kind != "dates" {
            #expect(StarterConfig.toml.contains("kind = \"\(kind)\""), "\(kind)")
        }
    }
}
