import Testing
@testable import MoteplanCore

/// Arenas that start or end within the horizon (`from`/`until`), skip some school holidays only
/// (`skip_holidays`), and one-off days whose every date has its own slots. Dates worked out by
/// hand from a 2026–2027 calendar: 2026-08-20 is a Thursday; Oslo leaves summer time on Sunday
/// 25 October 2026 and enters it on Sunday 28 March 2027.
struct ArenaPeriodTests {
    typealias F = ConflictFixtures

    static let school = """
        [[calendar.school_years]]
        year = "2026/27"
        first_day = 2026-08-19
        last_day = 2027-06-18
        holidays = [
          { name = "Høstferie", weeks = [41] },
          { name = "Juleferie", from = 2026-12-21, to = 2027-01-01 },
          { name = "Vinterferie", weeks = [8] },
          { name = "Påskeferie", from = 2027-03-22, to = 2027-03-29 },
        ]

        [[calendar.closed_days]]
        date = 2026-10-23
        name = "Planleggingsdag"
        school_only = true

        """

    func dates(_ body: String, structure: String = "a") throws -> [String] {
        let (_, meetings) = try F.plan(F.text(Self.school + F.roles("l") + "\n" + body))
        return meetings.filter { $0.instance.structureID == structure }.map { "\($0.date) \($0.start)" }
    }

    /// Every 14 days on Thursdays, anchored 20 August 2026, from 3 September (the anchor itself and
    /// the 2 weeks before it are outside), until 10 December: 3 Sep, 17 Sep, 1 Oct, 15 Oct,
    /// 29 Oct (after the October switch, still 14:00 wall time), 12 Nov, 26 Nov, 10 Dec.
    @Test func biweeklyFromADateAcrossTheOctoberSwitch() throws {
        let found = try dates("""
            [[structures]]
            id = "a"
            title = "Foreldregruppe"
            leader = "l"
            cadence = { kind = "weekly", every = 2, weekday = "torsdag", anchor = 2026-08-20 }
            start = "14:00"
            end = "15:00"
            from = 2026-09-01
            until = 2026-12-10
            """)
        #expect(found == ["2026-09-03 14:00", "2026-09-17 14:00", "2026-10-01 14:00", "2026-10-15 14:00",
                          "2026-10-29 14:00", "2026-11-12 14:00", "2026-11-26 14:00", "2026-12-10 14:00"])
    }

    /// A monthly project group (2nd Tuesday) running over the year end until the March switch:
    /// from 1 November 2026 until 31 March 2027 gives 10 Nov, 8 Dec, 12 Jan, 9 Feb, 9 Mar.
    @Test func monthlyUntilADateOverTheYearEnd() throws {
        let found = try dates("""
            [[structures]]
            id = "a"
            title = "Prosjektgruppe"
            leader = "l"
            cadence = { kind = "monthly", nth = [2], weekday = "tirsdag" }
            start = "09:00"
            end = "10:00"
            from = 2026-11-01
            until = 2027-03-31
            """)
        #expect(found == ["2026-11-10 09:00", "2026-12-08 09:00", "2027-01-12 09:00", "2027-02-09 09:00", "2027-03-09 09:00"])
    }

    /// from/until with the other kinds: months (quarterly), weeks (ISO weeks), dates.
    @Test func fromAndUntilWithEveryCadenceKind() throws {
        let months = try dates("""
            [[structures]]
            id = "a"
            title = "Rådsmøte"
            leader = "l"
            cadence = { kind = "months", months = ["september", "desember", "mars", "juni"], nth = [1], weekday = "mandag" }
            start = "10:00"
            end = "11:00"
            from = 2026-12-01
            """)
        // 1st Monday: 7 Dec 2026, 1 Mar 2027, 7 Jun 2027, 6 Sep 2027, 6 Dec 2027 (September 2026 is before from).
        #expect(months == ["2026-12-07 10:00", "2027-03-01 10:00", "2027-06-07 10:00", "2027-09-06 10:00", "2027-12-06 10:00"])
        let weeks = try dates("""
            [[structures]]
            id = "a"
            title = "Uketreff"
            leader = "l"
            cadence = { kind = "weeks", weeks = [2, 20, 40], weekday = "onsdag" }
            start = "10:00"
            end = "11:00"
            until = 2027-05-31
            """)
        // Wednesdays of ISO weeks 2, 20, 40: 2026: 7 Jan, 13 May, 30 Sep; 2027: 13 Jan, 19 May (week 40 of 2027 is after until).
        #expect(weeks == ["2026-01-07 10:00", "2026-05-13 10:00", "2026-09-30 10:00", "2027-01-13 10:00", "2027-05-19 10:00"])
        let listed = try dates("""
            [[structures]]
            id = "a"
            title = "Dager"
            leader = "l"
            cadence = { kind = "dates", dates = [2026-03-02, 2026-06-01, 2026-09-07] }
            start = "10:00"
            end = "11:00"
            from = 2026-03-03
            until = 2026-09-07
            """)
        #expect(listed == ["2026-06-01 10:00", "2026-09-07 10:00"])
    }

    /// An instance's own until replaces the structure's: one school's group stops after January.
    @Test func anInstanceMayEndEarlier() throws {
        let text = F.text(Self.school + F.roles("l") + """

            [[units]]
            id = "s1"
            name = "Skole 1"
            kind = "skole"
            head = "Rektor"

            [[units]]
            id = "s2"
            name = "Skole 2"
            kind = "skole"
            head = "Rektor"

            [[structures]]
            id = "a"
            title = "Team"
            per = "unit"
            unit_kinds = ["skole"]
            leader = "unit-head"
            cadence = { kind = "monthly", nth = [1], weekday = "fredag" }
            start = "09:00"
            end = "10:00"
            from = 2026-11-01
            until = 2027-03-31

            [[structures.instances]]
            id = "s2"
            until = 2027-01-31
            """)
        let (_, meetings) = try F.plan(text)
        // 1st Friday: 6 Nov, 4 Dec, 1 Jan 2027 (1. nyttårsdag: moved to the nearest working day; one
        // day away are Saturday 2 Jan and Thursday 31 Dec, a working day here: 31 Dec), 5 Feb, 5 Mar.
        let s1 = meetings.filter { $0.instance.instanceID == "s1" }.map { "\($0.date)" }
        let s2 = meetings.filter { $0.instance.instanceID == "s2" }.map { "\($0.date)" }
        #expect(s1 == ["2026-11-06", "2026-12-04", "2026-12-31", "2027-02-05", "2027-03-05"])
        #expect(s2 == ["2026-11-06", "2026-12-04", "2026-12-31"])
    }

    /// A weekly family centre that closes only in the juleferie and on the school-only
    /// planning day, and runs in the autumn and winter breaks. Wednesdays 14 Oct (Høstferie,
    /// week 41: held), 23 Dec and 30 Dec (Juleferie: skipped), 17 Feb 2027 (Vinterferie: held).
    @Test func skipHolidaysSkipsExactlyTheNamedOnes() throws {
        let found = try dates("""
            [[structures]]
            id = "a"
            title = "Familiesenter"
            leader = "l"
            cadence = { kind = "weekly", weekday = "onsdag", anchor = 2026-10-07 }
            start = "12:00"
            end = "13:00"
            from = 2026-10-07
            until = 2027-02-24
            on_holiday = "skip"
            skip_holidays = ["Juleferie"]
            """)
        #expect(found.contains("2026-10-14 12:00"))
        #expect(!found.contains("2026-12-23 12:00") && !found.contains("2026-12-30 12:00"))
        #expect(found.contains("2026-12-16 12:00") && found.contains("2027-01-06 12:00"))
        #expect(found.contains("2027-02-17 12:00"))
        // 7 Oct … 24 Feb is 21 Wednesdays; two fall in the juleferie.
        #expect(found.count == 19)
    }

    /// A school-only closed day named in skip_holidays is skipped (Friday 23 October 2026), and
    /// the overlapping school holiday and closed day are counted once.
    @Test func skipHolidaysWithASchoolOnlyClosedDay() throws {
        let found = try dates("""
            [[structures]]
            id = "a"
            title = "Fredagstreff"
            leader = "l"
            cadence = { kind = "weekly", weekday = "fredag", anchor = 2026-10-02 }
            start = "12:00"
            end = "13:00"
            from = 2026-10-02
            until = 2026-10-30
            on_holiday = "skip"
            skip_holidays = ["Planleggingsdag", "Høstferie"]
            """)
        // Fridays 2, 9, 16, 23, 30 October: 9 Oct is in week 41 (Høstferie), 23 Oct the planning day.
        #expect(found == ["2026-10-02 12:00", "2026-10-16 12:00", "2026-10-30 12:00"])
    }

    /// A one-off fagdag with two sessions per date needs no structure times.
    @Test func datesWithTheirOwnSlotsNeedNoStructureTimes() throws {
        let found = try dates("""
            [[structures]]
            id = "a"
            title = "Fagdag"
            leader = "l"
            cadence = { kind = "dates", dates = [
              { date = 2026-11-06, slots = [{ start = "09:00", end = "11:30" }, { start = "12:30", end = "15:00" }] },
            ] }
            """)
        #expect(found == ["2026-11-06 09:00", "2026-11-06 12:30"])
    }

    // MARK: Bad input

    func errors(_ body: String) -> [String] {
        Fixtures.errors(F.text(Self.school + F.roles("l") + "\n" + body)).map(\.description)
    }

    @Test func untilBeforeFromIsAnError() {
        let found = errors("""
            [[structures]]
            id = "a"
            title = "A"
            leader = "l"
            cadence = { kind = "monthly", nth = [1], weekday = "mandag" }
            start = "09:00"
            end = "10:00"
            from = 2027-01-01
            until = 2026-12-31
            """)
        #expect(found.count == 1)
        #expect(found.first?.contains("test.toml:") == true)
        #expect(found.first?.contains("until 2026-12-31 is before from 2027-01-01") == true)
    }

    @Test func anUnknownHolidayNameIsAnErrorWithTheKnownNames() {
        let found = errors("""
            [[structures]]
            id = "a"
            title = "A"
            leader = "l"
            cadence = { kind = "monthly", nth = [1], weekday = "mandag" }
            start = "09:00"
            end = "10:00"
            skip_holidays = ["Juleferien"]
            """)
        #expect(found.count == 1)
        #expect(found.first?.contains("structures[0].skip_holidays[0]") == true)
        #expect(found.first?.contains("unknown holiday \"Juleferien\"") == true)
        #expect(found.first?.contains("Did you mean \"Juleferie\"") == true)
    }

    @Test func aDateWithoutSlotsIsNamedWhenTheStructureHasNoTimes() {
        let found = errors("""
            [[structures]]
            id = "a"
            title = "A"
            leader = "l"
            cadence = { kind = "dates", dates = [
              { date = 2026-11-06, slots = [{ start = "09:00", end = "11:30" }] },
              2026-11-13,
            ] }
            """)
        #expect(found.count == 1)
        #expect(found.first?.contains("cadence.dates[1]") == true)
        #expect(found.first?.contains("this date has no slots") == true)
    }

    @Test func fromOutsideTheHorizonIsAWarning() throws {
        let loaded = try Fixtures.load(F.text(Self.school + F.roles("l") + """

            [[structures]]
            id = "a"
            title = "A"
            leader = "l"
            cadence = { kind = "monthly", nth = [1], weekday = "mandag" }
            start = "09:00"
            end = "10:00"
            from = 2025-08-01
            """))
        #expect(loaded.warnings.map(\.description).contains { $0.contains("structures[0].from") && $0.contains("lies outside the horizon") })
    }
}
