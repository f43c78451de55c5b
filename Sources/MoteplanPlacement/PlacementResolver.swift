import MoteplanCore

/// Completes the recorded placements: every automatically placed instance that has no recorded
/// (or no longer valid) pattern for a school year of the horizon is placed around the recorded
/// ones, which stay where they are. What `ics` records and every other command uses.
public enum PlacementResolver {
    /// The recorded placements with the missing ones added, and the added ones (in school-year and
    /// config order). Throws `PlacementFailure` when a school year cannot be placed.
    public static func resolve(
        configuration: Configuration, terms: [RecordedTerm], changes: [MeetingChange], recorded: [RecordedPlacement],
        resourceLimit: Int = Placer.defaultResourceLimit
    ) throws -> (table: PlacementTable, added: [RecordedPlacement]) {
        var table = PlacementTable(recorded)
        let base = Scheduler(configuration: configuration, recordedTerms: terms, changes: changes, placements: table)
        let autos = PlacementProblemBuilder(configuration: configuration, scheduler: base).autoInstances
        guard !autos.isEmpty else { return (table, []) }
        var added: [RecordedPlacement] = []
        for year in configuration.municipality.horizon.schoolYears {
            let missing = autos.contains { instance, structure in
                let key = table.choice(structure: instance.structureID, instance: instance.instanceID, schoolYear: year)
                return key.map { key in !(structure.choices ?? []).contains { $0.key == key } } ?? true
            }
            guard missing else { continue }
            let scheduler = Scheduler(configuration: configuration, recordedTerms: terms, changes: changes, placements: table)
            let outcome = try Placer(configuration: configuration, scheduler: scheduler, resourceLimit: resourceLimit)
                .place(schoolYear: year)
            for entry in outcome.entries where entry.previous != entry.choice {
                let record = entry.record(schoolYear: year)
                table.set(record)
                added.append(record)
            }
        }
        return (table, added)
    }
}
