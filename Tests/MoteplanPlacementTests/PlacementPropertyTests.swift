import MoteplanCore
import MoteplanPlacement
import MoteplanSolver
import Testing

/// What every placement must be: conflict-free by the conflict checker, stable when the plan
/// grows, the same for the same inputs, and explained when it cannot exist.
@Suite struct PlacementPropertyTests {
    @Test func melhusIsPlacedWithoutAConflictInEverySchoolYear() throws {
        let config = try PlacementFixtures.load(PlacementFixtures.melhusText).configuration
        let (schedule, table, added) = try PlacementFixtures.placedSchedule(config)
        // 16 lokale team and 3 nettverk, two school years each.
        #expect(added.count == 19 * 2)
        #expect(table.records.count == 38)
        #expect(ConflictFinder(configuration: config).conflicts(in: schedule.meetings).isEmpty)
        // The first choice for everybody (what the schedule shows without placement) is full of them:
        // the checker would notice if placement were not applied.
        let unplaced = Scheduler(configuration: config).schedule()
        #expect(!ConflictFinder(configuration: config).conflicts(in: unplaced.meetings).isEmpty)
    }

    @Test func everyPlacementOfGeneratedPlansHasNoConflict() throws {
        // Variants of Melhus: fewer start times, smaller capacities, other buffers; each either places
        // without a conflict or says why it cannot.
        var placed = 0
        var impossible = 0
        let two = #"["08:30", "12:30"]"#
        let four = #"["08:30", "10:30", "12:30", "14:30"]"#
        let variants: [(Int, String, Int)] = [
            (1, four, 0), (2, two, 0), (2, four, 0), (3, #"["12:30"]"#, 0), (3, two, 30), (3, four, 0),
            // Cannot be placed: one PP-rådgiver and one start time; a two-hour buffer the fixed meetings already break.
            (1, #"["12:30"]"#, 0), (3, two, 120),
        ]
        for (capacity, starts, buffer) in variants {
            let text = PlacementFixtures.melhusText
                .replacingOccurrences(of: "capacity = 3", with: "capacity = \(capacity)")
                .replacingOccurrences(of: "start = [\"08:30\", \"12:30\"]\nduration_minutes = 90", with: "start = \(starts)\nduration_minutes = 90")
                .replacingOccurrences(of: "buffer_minutes = 30", with: "buffer_minutes = \(buffer)")
                .replacingOccurrences(of: "prefer = { start = [\"12:30\"] }\n", with: "")
            let config = try PlacementFixtures.load(text).configuration
            do {
                let (schedule, _, _) = try PlacementFixtures.placedSchedule(config)
                let conflicts = ConflictFinder(configuration: config).conflicts(in: schedule.meetings)
                #expect(conflicts.isEmpty, "capacity \(capacity), starts \(starts), buffer \(buffer): \(conflicts.first.map { "\($0)" } ?? "")")
                placed += 1
            } catch let failure as PlacementFailure {
                #expect(failure.core.contains { $0.hasPrefix("capacity:") }, "\(failure.core)")
                impossible += 1
            }
        }
        // Both outcomes occur, so both branches were checked.
        #expect(placed == 6)
        #expect(impossible == 2)
    }

    @Test func addingAUnitKeepsEveryRecordedInstanceWhereItWas() throws {
        let config = try PlacementFixtures.load(PlacementFixtures.melhusText).configuration
        let (before, _, records) = try PlacementFixtures.placedSchedule(config)
        let grown = PlacementFixtures.melhus(
            replacing: "[[units]]\nid = \"gimse-barneskole\"",
            with: "[[units]]\nid = \"ny-skole\"\nname = \"Ny skole\"\nkind = \"skole\"\nhead = \"Rektor\"\n\n[[units]]\nid = \"gimse-barneskole\"")
        let grownConfig = try PlacementFixtures.load(grown).configuration
        let (after, table, added) = try PlacementFixtures.placedSchedule(grownConfig, recorded: records)
        // Only the new unit is placed, once per school year.
        #expect(added.map(\.instanceID) == ["ny-skole", "ny-skole"])
        for record in records {
            #expect(table.choice(structure: record.structureID, instance: record.instanceID, schoolYear: record.schoolYear) == record.choice)
        }
        func times(_ schedule: Schedule) -> [String: [String]] {
            Dictionary(grouping: schedule.meetings.filter { $0.instance.instanceID != "ny-skole" }) { "\($0.instance.structureID)/\($0.instance.instanceID)" }
                .mapValues { $0.map { "\($0.date) \($0.start)-\($0.end)" } }
        }
        #expect(times(before) == times(after))
        #expect(after.meetings.contains { $0.instance.instanceID == "ny-skole" })
        #expect(ConflictFinder(configuration: grownConfig).conflicts(in: after.meetings).isEmpty)
    }

    @Test func removingAUnitMovesNobody() throws {
        let config = try PlacementFixtures.load(PlacementFixtures.melhusText).configuration
        let (_, _, records) = try PlacementFixtures.placedSchedule(config)
        let fewer = PlacementFixtures.melhus(
            replacing: "[[units]]\nid = \"hovin-barnehage-og-skole\"", with: "[[units]]\nid = \"hovin-barnehage-og-skole-nedlagt\"")
            .replacingOccurrences(of: "\"hovin-barnehage-og-skole\"", with: "\"hovin-barnehage-og-skole-nedlagt\"")
        let fewerConfig = try PlacementFixtures.load(fewer).configuration
        let kept = records.filter { $0.instanceID != "hovin-barnehage-og-skole" }
        let (_, table, added) = try PlacementFixtures.placedSchedule(fewerConfig, recorded: kept)
        #expect(added.allSatisfy { $0.instanceID == "hovin-barnehage-og-skole-nedlagt" })
        for record in kept {
            #expect(table.choice(structure: record.structureID, instance: record.instanceID, schoolYear: record.schoolYear) == record.choice)
        }
    }

    @Test func theSameInputsGiveTheSamePlacement() throws {
        let config = try PlacementFixtures.load(PlacementFixtures.melhusText).configuration
        let first = try PlacementFixtures.placedSchedule(config).1
        let second = try PlacementFixtures.placedSchedule(config).1
        #expect(first == second)
        let scheduler = Scheduler(configuration: config)
        let a = try Placer(configuration: config, scheduler: scheduler).place(schoolYear: 2026)
        let b = try Placer(configuration: config, scheduler: scheduler).place(schoolYear: 2026)
        #expect(a.entries == b.entries)
        #expect(a.problem == b.problem)
        #expect(a.status == .optimal)
    }

    @Test func anImpossiblePlanNamesTheResourceAndWaysOut() throws {
        // One PP-rådgiver, one start time, two weekdays, three weeks: six slots a month for 16 teams.
        let text = PlacementFixtures.melhusText
            .replacingOccurrences(of: "barnehager: tre møter samtidig.\ncapacity = 3", with: "barnehager: tre møter samtidig.\ncapacity = 1")
            .replacingOccurrences(of: "start = [\"08:30\", \"12:30\"]\nduration_minutes = 90", with: "start = [\"12:30\"]\nduration_minutes = 90")
            .replacingOccurrences(of: "weekday = [\"tirsdag\", \"onsdag\", \"torsdag\"]", with: "weekday = [\"tirsdag\", \"onsdag\"]")
            .replacingOccurrences(of: "avoid = { weekday = [\"torsdag\"] }\n", with: "")
        #expect(text.contains("capacity = 1"))
        let config = try PlacementFixtures.load(text).configuration
        let failure = try #require(throws: PlacementFailure.self) {
            try Placer(configuration: config, scheduler: Scheduler(configuration: config)).place(schoolYear: 2026)
        }
        #expect(failure.core.contains("capacity:ppt"))
        let text2 = failure.description
        #expect(text2.contains("PPT (ppt) takes 1 meeting at a time, with 30 minutes between"))
        // Minimal: seven of the sixteen teams already cannot fit in six slots.
        #expect(text2.contains("7 series need it"))
        #expect(text2.contains("their choices leave 6 non-overlapping times, room for at most 6 series"))
        #expect(text2.contains("let PPT (ppt) take 2 meetings at once: capacity = 2 on \"ppt\""))
        #expect(text2.contains("allow mondays: add \"mandag\"") || text2.contains("allow thursdays: add \"torsdag\""))
        #expect(text2.contains("add a start time to the choices of \"lokalt-team\""))
    }
}
