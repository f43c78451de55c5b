/// Turns the scheduler's notes into located warnings for `moteplan check`.
public enum ScheduleWarnings {
    /// Warnings, grouped so that one holiday moving sixteen local teams is one line.
    public static func diagnostics(for schedule: Schedule, loaded: LoadedConfig) -> [ConfigDiagnostic] {
        let config = loaded.configuration
        var result: [ConfigDiagnostic] = []
        let counts = Dictionary(grouping: schedule.meetings, by: \.instance.structureID).mapValues(\.count)
        let perInstance = Dictionary(grouping: schedule.meetings, by: \.instance).mapValues(\.count)
        for (index, structure) in config.structures.enumerated() {
            let path = ConfigPath([.key("structures"), .index(index)])
            let instances = schedule.instances.filter { $0.structureID == structure.id }
            if instances.isEmpty {
                result.append(loaded.diagnostic(.warning, at: path.appending("per"),
                    "structure \"\(structure.id)\" has no instances (no unit or group matches)."))
                continue
            }
            // A duty without fixed dates has only the meetings the units register.
            if structure.isAtLeastDuty { continue }
            if counts[structure.id, default: 0] == 0 {
                result.append(loaded.diagnostic(.warning, at: path.appending("cadence"),
                    "structure \"\(structure.id)\" has no meetings in the horizon (\(config.municipality.horizon))."))
                continue
            }
            for instance in instances where perInstance[instance, default: 0] == 0 {
                result.append(loaded.diagnostic(.warning, at: path,
                    "\(structure.id)/\(instance.instanceID) has no meetings in the horizon."))
            }
            let notes = schedule.notes.filter { $0.instance.structureID == structure.id }
            result += grouped(notes, structure: structure, path: path, loaded: loaded)
        }
        return result
    }

    private static func grouped(_ notes: [ScheduleNote], structure: Structure, path: ConfigPath, loaded: LoadedConfig)
        -> [ConfigDiagnostic]
    {
        var order: [String] = []
        var instancesByText: [String: [String]] = [:]
        for note in notes {
            let text: String
            switch note.kind {
            case .moved(let from, let to, let reason):
                text = "meeting on \(from) (\(reason)) moved to \(to)"
            case .dropped(let date, let reason):
                text = "meeting on \(date) dropped (\(reason))"
            case .markerShort(let marker, let period, let found, let needed):
                text = "marker \"\(marker)\" needs \(needed) meeting(s) in \(period), found \(found)"
            case .markerDateUnused(let marker, let date):
                text = "marker \"\(marker)\" date \(date) has no meeting"
            }
            if instancesByText[text] == nil { order.append(text) }
            instancesByText[text, default: []].append(note.instance.instanceID)
        }
        return order.map { text in
            let instances = instancesByText[text, default: []]
            let who: String
            if instances == [structure.id] {
                who = structure.id
            } else if instances.count > 3 {
                who = "\(structure.id) (\(instances.count) instances)"
            } else {
                who = instances.map { "\(structure.id)/\($0)" }.joined(separator: ", ")
            }
            return loaded.diagnostic(.warning, at: path.appending("cadence"), "\(who): \(text).")
        }
    }
}
