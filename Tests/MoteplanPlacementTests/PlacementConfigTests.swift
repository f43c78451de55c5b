import MoteplanCore
import Testing

/// What a rådgiver writes for automatic placement, and the located errors for what makes no sense.
@Suite struct PlacementConfigTests {
    @Test func listsInAnAutoStructureAreChoicesAndTheirProduct() throws {
        let config = try PlacementFixtures.load(PlacementFixtures.melhusText).configuration
        let lokalt = try #require(config.structure("lokalt-team"))
        let choices = try #require(lokalt.choices)
        // 3 weeks × 3 weekdays × 2 starts, week-major, then weekday, then start.
        #expect(choices.count == 18)
        #expect(choices.prefix(3).map(\.key) == ["1. tirsdag 08:30", "1. tirsdag 12:30", "1. onsdag 08:30"])
        #expect(choices.last?.key == "3. torsdag 12:30")
        #expect(choices.allSatisfy { $0.slots.count == 1 && $0.slots[0].end.minutesSinceMidnight - $0.slots[0].start.minutesSinceMidnight == 90 })
        #expect(choices.allSatisfy { $0.cadence.excludedMonths == [7, 8] })
        #expect(lokalt.wishes.prefer == nil)
        #expect(lokalt.wishes.avoid?.weekdays == [.thursday])
        #expect(config.structure("nettverk")?.wishes.prefer?.weekdays == [.wednesday])
        let nettverk = try #require(config.structure("nettverk"))
        #expect(nettverk.choices?.count == 12)
        // A fixed structure keeps its one pattern.
        #expect(config.structure("samarbeidsgruppe")?.choices == nil)
        #expect(config.scheduling.spread)
    }

    @Test func aListInAFixedStructureIsStillAnError() {
        let text = PlacementFixtures.melhus(
            replacing: #"cadence = { kind = "monthly", nth = [1], weekday = "torsdag", exclude_months = [7] }"#,
            with: #"cadence = { kind = "monthly", nth = [1], weekday = ["torsdag", "fredag"], exclude_months = [7] }"#)
        let errors = PlacementFixtures.diagnostics(text)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("expected a string") == true)
    }

    @Test func anInstanceOfAnAutoStructureMayNarrowItsOwnChoices() throws {
        let text = PlacementFixtures.melhusText.replacingOccurrences(
            of: "# 3.1.2 Drøftingsteam",
            with: """
                [[structures.instances]]
                id = "gimse-barneskole"
                start = ["14:00"]

                [[structures.instances]]
                id = "hovin-barnehage-og-skole"
                placement = "fixed"
                cadence = { kind = "monthly", nth = [4], weekday = "fredag", exclude_months = [7, 8] }
                start = "09:00"
                end = "10:00"

                # 3.1.2 Drøftingsteam
                """)
        let config = try PlacementFixtures.load(text).configuration
        let lokalt = try #require(config.structure("lokalt-team"))
        let scheduler = Scheduler(configuration: config)
        let gimse = try #require(scheduler.instances(of: lokalt).first { $0.instanceID == "gimse-barneskole" })
        let choices = try #require(scheduler.resolved(lokalt, gimse).choices)
        #expect(choices.count == 9)
        #expect(choices.allSatisfy { $0.start?.description == "14:00" })
        let hovin = try #require(scheduler.instances(of: lokalt).first { $0.instanceID == "hovin-barnehage-og-skole" })
        #expect(scheduler.resolved(lokalt, hovin).choices == nil)
        #expect(scheduler.resolved(lokalt, hovin).slots.first?.start.description == "09:00")
    }

    @Test func durationAsAListIsALocatedError() throws {
        let text = PlacementFixtures.melhus(
            replacing: "start = [\"08:30\", \"12:30\"]\nduration_minutes = 90",
            with: "start = [\"08:30\", \"12:30\"]\nduration_minutes = [60, 90]")
        let errors = PlacementFixtures.diagnostics(text)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.line == PlacementFixtures.line(of: "duration_minutes = [60, 90]", in: text))
        #expect(error.message.contains("duration_minutes takes one value"))
    }

    @Test func endWithSeveralStartsIsALocatedError() throws {
        let text = PlacementFixtures.melhus(
            replacing: "start = [\"08:30\", \"12:30\"]\nduration_minutes = 90",
            with: "start = [\"08:30\", \"12:30\"]\nend = \"10:00\"")
        let error = try #require(PlacementFixtures.diagnostics(text).first)
        #expect(error.line == PlacementFixtures.line(of: "end = \"10:00\"", in: text))
        #expect(error.message.contains("give duration_minutes"))
    }

    @Test func aChoiceWithoutAMeetingInASchoolYearIsALocatedError() throws {
        // Only July, and July excluded: the choice "2. onsdag" meets never.
        let text = PlacementFixtures.melhus(
            replacing: #"cadence = { kind = "months", months = ["september", "november", "februar", "april"], nth = [2, 3, 4], weekday = ["tirsdag", "onsdag"] }"#,
            with: #"cadence = { kind = "months", months = ["juli"], nth = [2, 3, 4], weekday = ["tirsdag", "onsdag"], exclude_months = [7] }"#)
        let errors = PlacementFixtures.diagnostics(text)
        let error = try #require(errors.first)
        #expect(error.line == PlacementFixtures.line(of: #"months = ["juli"]"#, in: text))
        #expect(error.message.contains("has no meeting in the school year 2026/27"))
    }

    @Test func wishesNamingAnUnknownWeekdayOrATimeOutsideTheChoicesAreLocatedErrors() throws {
        let weekday = PlacementFixtures.melhus(replacing: #"avoid = { weekday = ["torsdag"] }"#, with: #"avoid = { weekday = ["torsdagg"] }"#)
        let unknown = try #require(PlacementFixtures.diagnostics(weekday).first)
        #expect(unknown.line == PlacementFixtures.line(of: "torsdagg", in: weekday))
        #expect(unknown.message.contains("unknown weekday \"torsdagg\""))
        #expect(unknown.message.contains("torsdag"))

        let time = PlacementFixtures.melhus(
            replacing: #"avoid = { weekday = ["torsdag"] }"#, with: #"avoid = { weekday = ["torsdag"] }"# + "\n" + #"prefer = { start = ["13:30"] }"#)
        let outside = try #require(PlacementFixtures.diagnostics(time).first)
        #expect(outside.line == PlacementFixtures.line(of: #"prefer = { start = ["13:30"] }"#, in: time))
        #expect(outside.message.contains("13:30 is not among the start times to choose from (08:30, 12:30)"))

        // A role's wish must be possible for some automatic meeting.
        let role = PlacementFixtures.melhus(
            replacing: "id = \"ppt\"\n", with: "id = \"ppt\"\nprefer = { start = [\"15:00\"] }\n")
        let roleError = try #require(PlacementFixtures.diagnostics(role).first)
        #expect(roleError.line == PlacementFixtures.line(of: #"prefer = { start = ["15:00"] }"#, in: role))
    }

    @Test func autoWithOneChoiceEverywhereIsAWarningNotAnError() throws {
        let text = PlacementFixtures.melhus(
            replacing: PlacementFixtures.lokaltCadence + "\nstart = [\"08:30\", \"12:30\"]",
            with: #"cadence = { kind = "monthly", nth = [2], weekday = "tirsdag", exclude_months = [7, 8] }"# + "\nstart = [\"12:30\"]")
            .replacingOccurrences(of: "avoid = { weekday = [\"torsdag\"] }\n", with: "")
        #expect(PlacementFixtures.diagnostics(text).isEmpty)
        let warnings = PlacementFixtures.diagnostics(text, severity: .warning)
        let warning = try #require(warnings.first { $0.message.contains("one choice only") })
        #expect(warning.line == PlacementFixtures.line(of: "placement = \"auto\"\ncadence", in: text))
    }

    @Test func datesAndSlotsCannotBeChosen() throws {
        let dates = PlacementFixtures.melhus(
            replacing: PlacementFixtures.lokaltCadence, with: #"cadence = { kind = "dates", dates = [2026-09-01] }"#)
        #expect(PlacementFixtures.diagnostics(dates).first?.message.contains("dates cannot be placed automatically") == true)
        let slots = PlacementFixtures.melhus(
            replacing: "start = [\"08:30\", \"12:30\"]\nduration_minutes = 90",
            with: "slots = [{ start = \"08:30\", end = \"10:00\" }]")
        #expect(PlacementFixtures.diagnostics(slots).first?.message.contains("slots cannot be chosen automatically") == true)
    }

    @Test func anUnknownPlacementWordIsALocatedError() throws {
        let text = PlacementFixtures.melhus(
            replacing: "placement = \"auto\"\n" + PlacementFixtures.lokaltCadence,
            with: "placement = \"automatic\"\n" + PlacementFixtures.lokaltCadence)
        let error = try #require(PlacementFixtures.diagnostics(text).first)
        #expect(error.line == PlacementFixtures.line(of: "placement = \"automatic\"", in: text))
        #expect(error.message.contains("did you mean \"auto\"") || error.message.contains("\"auto\""))
    }
}
