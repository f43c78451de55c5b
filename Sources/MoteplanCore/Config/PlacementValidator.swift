/// Checks what automatic placement needs of a config that single entries cannot show: every
/// choice meets in each school year of the horizon, wishes can be met by some choice, and a
/// structure marked automatic has something to choose.
struct PlacementValidator {
    let diagnostics: Diagnostics

    func validate(_ config: Configuration) {
        guard !diagnostics.hasErrors else { return }
        var allStarts = Set<LocalTime>()
        var allWeekdays = Set<Weekday>()
        for (s, structure) in config.structures.enumerated() {
            let path = ConfigPath([.key("structures"), .index(s)])
            let scheduler = Scheduler(configuration: config)
            var anyAuto = structure.choices != nil
            var most = structure.choices?.count ?? 0
            if let choices = structure.choices {
                checkChoices(choices, structure, at: path, config)
                checkWishes(structure.wishes, choices, at: path, config.catalogue)
            }
            for instance in scheduler.instances(of: structure) {
                guard let override = structure.instanceOverrides[instance.instanceID] else { continue }
                let at = path.appending("instances").appending(index: structure.instanceOverrideOrder.firstIndex(of: override.id) ?? 0)
                let effective = override.applied(to: structure)
                guard let choices = effective.choices else {
                    if !override.wishes.isEmpty {
                        diagnostics.error(at.appending(override.wishes.prefer != nil ? "prefer" : "avoid"), "prefer and avoid only apply with placement = \"auto\".")
                    }
                    continue
                }
                anyAuto = true
                most = max(most, choices.count)
                if override.choices != nil { checkChoices(choices, effective, at: at, config) }
                checkWishes(override.wishes, choices, at: at, config.catalogue)
            }
            for instance in scheduler.instances(of: structure) {
                for choice in scheduler.resolved(structure, instance).choices ?? [] {
                    allWeekdays.formUnion(choice.weekday.map { [$0] } ?? [])
                    allStarts.formUnion(choice.start.map { [$0] } ?? [])
                }
            }
            if structure.choices == nil && !structure.wishes.isEmpty {
                diagnostics.error(path.appending(structure.wishes.prefer != nil ? "prefer" : "avoid"), "prefer and avoid only apply with placement = \"auto\".")
            }
            if anyAuto && most == 1 {
                diagnostics.warning(
                    path.appending(structure.choices != nil ? "placement" : "instances"),
                    "placement = \"auto\" but every instance has one choice only; list several weekdays, weeks or start times, or use a fixed cadence.")
            }
        }
        let everyone = config.roles.enumerated().map { (ConfigPath([.key("roles"), .index($0.offset)]), $0.element.wishes) }
            + config.units.enumerated().map { (ConfigPath([.key("units"), .index($0.offset)]), $0.element.wishes) }
        for (path, wishes) in everyone {
            for (key, wish) in [("prefer", wishes.prefer), ("avoid", wishes.avoid)] {
                guard let wish else { continue }
                for (index, start) in wish.starts.enumerated() where !allStarts.contains(start) {
                    diagnostics.error(
                        path.appending(key).appending("start").appending(index: index),
                        "no automatically placed meeting can start at \(start); the start times to choose from are "
                            + Self.list(allStarts.sorted().map(\.description)) + ".")
                }
                for (index, day) in wish.weekdays.enumerated() where !allWeekdays.contains(day) {
                    diagnostics.error(
                        path.appending(key).appending("weekday").appending(index: index),
                        "no automatically placed meeting can be on \(config.catalogue.weekday(day)); the weekdays to choose from are "
                            + Self.list(allWeekdays.sorted().map(config.catalogue.weekday)) + ".")
                }
            }
        }
    }

    /// Every choice has a meeting date in each school year inside the horizon.
    private func checkChoices(_ choices: [PatternChoice], _ structure: Structure, at path: ConfigPath, _ config: Configuration) {
        let horizon = config.municipality.horizon
        let scheduler = Scheduler(configuration: config)
        for year in horizon.schoolYears {
            guard let range = DateRange.schoolYear(year), range.clamped(to: horizon) == range else { continue }
            for choice in choices {
                var pattern = structure
                pattern.cadence = choice.cadence
                pattern.slots = choice.slots
                let dates = scheduler.plannedDates(pattern).filter { range.contains($0) }
                if dates.isEmpty {
                    diagnostics.error(
                        path.appending("cadence"),
                        "the choice \"\(choice.key)\" has no meeting in the school year \(SchoolYear.label(startYear: year)); remove it from the lists or change the months or exclusions.")
                    return
                }
            }
        }
    }

    /// A wish's weekdays and start times are among the choices.
    private func checkWishes(
        _ wishes: PlacementWishes, _ choices: [PatternChoice], at path: ConfigPath, _ catalogue: Catalogue
    ) {
        let starts = Set(choices.compactMap(\.start))
        let weekdays = Set(choices.compactMap(\.weekday))
        for (key, wish) in [("prefer", wishes.prefer), ("avoid", wishes.avoid)] {
            guard let wish else { continue }
            for (index, start) in wish.starts.enumerated() where !starts.contains(start) {
                diagnostics.error(
                    path.appending(key).appending("start").appending(index: index),
                    "\(start) is not among the start times to choose from (" + Self.list(starts.sorted().map(\.description)) + ").")
            }
            for (index, day) in wish.weekdays.enumerated() where !weekdays.contains(day) {
                diagnostics.error(
                    path.appending(key).appending("weekday").appending(index: index),
                    "\(catalogue.weekday(day)) is not among the weekdays to choose from ("
                        + Self.list(weekdays.sorted().map(catalogue.weekday)) + ").")
            }
        }
    }

    static func list(_ items: [String]) -> String { items.joined(separator: ", ") }
}
