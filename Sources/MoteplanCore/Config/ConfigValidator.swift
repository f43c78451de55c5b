/// Checks what single entries cannot: unique ids and references between entries.
///
/// It runs after every entry was read, in the same pass, so `check` reports every problem at
/// once: `places` keeps each entry's place in the file, and a reference to an entry that could
/// not be read (its own error is reported) is not reported again as unknown.
struct ConfigValidator {
    let diagnostics: Diagnostics
    var places = EntryPlaces()

    func validate(_ config: Configuration) {
        checkUniqueIDs(config)
        let actors = config.roles.map(\.id) + config.units.map(\.id)
        let actorSet = Set(actors).union(places.unreadIDs("roles", "units"))
        let unitIDs = config.units.map(\.id)
        let unitSet = Set(unitIDs).union(places.unreadIDs("units"))
        for (g, group) in config.groups.enumerated() {
            let path = ConfigPath([.key("groups"), .index(places.index("groups", g))])
            var seen = Set<String>()
            for (m, member) in group.members.enumerated() {
                let at = path.appending("members").appending(index: m)
                if !unitSet.contains(member) {
                    diagnostics.error(at, "unknown unit \"\(member)\"." + Suggestion.hint(for: member, in: unitIDs))
                } else if !seen.insert(member).inserted {
                    diagnostics.error(at, "\"\(member)\" is listed twice.")
                }
            }
            if let rotation = group.rotation {
                for (c, candidate) in rotation.candidates.enumerated() where !actorSet.contains(candidate) {
                    diagnostics.error(
                        path.appending("rotation").appending("candidates").appending(index: c),
                        "unknown role or unit \"\(candidate)\"." + Suggestion.hint(for: candidate, in: actors))
                }
            }
            if let leader = group.leader, !actorSet.contains(leader) {
                diagnostics.error(
                    path.appending("leader"),
                    "unknown role or unit \"\(leader)\"." + Suggestion.hint(for: leader, in: actors))
            }
        }
        for (s, structure) in config.structures.enumerated() {
            checkStructure(structure, at: ConfigPath([.key("structures"), .index(places.index("structures", s))]), config, actors)
        }
        for (u, unit) in config.units.enumerated() {
            checkLocation(unit.location, at: ConfigPath([.key("units"), .index(places.index("units", u)), .key("location")]), config)
        }
        checkClosedDays(config)
    }

    private func checkUniqueIDs(_ config: Configuration) {
        // Roles and units share one namespace: a leader or participant may be either.
        var owners: [String: String] = [:]
        // Locations join it: every resource id (conflicts, plan --for) names one thing.
        let entries =
            config.roles.enumerated().map { ($0.element.id, "roles", $0.offset) }
            + config.units.enumerated().map { ($0.element.id, "units", $0.offset) }
            + config.locations.enumerated().map { ($0.element.id, "locations", $0.offset) }
        for (id, section, index) in entries {
            let place = places.index(section, index)
            let path = ConfigPath([.key(section), .index(place), .key("id")])
            if let first = owners[id] {
                diagnostics.error(path, "duplicate id \"\(id)\": already used by \(first); ids of roles, units and locations must be unique.")
            } else {
                owners[id] = "\(section)[\(place)]"
            }
        }
        for (section, ids) in [("groups", config.groups.map(\.id)), ("structures", config.structures.map(\.id))] {
            var seen: [String: Int] = [:]
            for (offset, id) in ids.enumerated() {
                let index = places.index(section, offset)
                if let first = seen[id] {
                    diagnostics.error(
                        ConfigPath([.key(section), .index(index), .key("id")]),
                        "duplicate id \"\(id)\": already used by \(section)[\(first)].")
                } else {
                    seen[id] = index
                }
            }
        }
    }

    private func checkStructure(_ structure: Structure, at path: ConfigPath, _ config: Configuration, _ actors: [String]) {
        let actorSet = Set(actors).union(places.unreadIDs("roles", "units"))
        switch structure.leader {
        case .fixed(let id) where !actorSet.contains(id):
            diagnostics.error(
                path.appending("leader"),
                "unknown role or unit \"\(id)\"." + Suggestion.hint(for: id, in: actors + ["unit-head", "group-leader"]))
        case .unitHead:
            if case .perUnit = structure.instantiation {} else {
                diagnostics.error(path.appending("leader"), "\"unit-head\" needs per = \"unit\".")
            }
        case .groupLeader:
            if !structure.instantiation.isPerGroup {
                diagnostics.error(path.appending("leader"), "\"group-leader\" needs per = \"group\".")
            } else {
                for (g, group) in config.groups.enumerated() where group.leader == nil && group.rotation == nil {
                    diagnostics.error(
                        ConfigPath([.key("groups"), .index(places.index("groups", g))]),
                        "group \"\(group.id)\" has no leader, but structure \"\(structure.id)\" is led by the group leader; add leader = \"…\" or a rotation.")
                }
            }
        default: break
        }
        checkActivePeriod(structure.active, at: path, config)
        for (o, id) in structure.instanceOverrideOrder.enumerated() {
            guard let override = structure.instanceOverrides[id] else { continue }
            checkActivePeriod(ActivePeriod(from: override.from, until: override.until), at: path.appending("instances").appending(index: o), config)
        }
        checkSkippedHolidays(structure, at: path.appending("skip_holidays"), config)
        checkActors(structure.participants, at: path.appending("participants"), actors)
        checkActors(structure.optionalParticipants, at: path.appending("optional_participants"), actors)
        checkLocation(structure.location, at: path.appending("location"), config)
        checkOverrides(structure, at: path, config, actors)
        if let duty = structure.referat {
            let at = path.appending("referat").appending("to")
            if config.structure(duty.receiver) == nil && places.unreadIDs("structures").contains(duty.receiver) {
                // The receiver's own entry has an error, reported where it is.
            } else if config.structure(duty.receiver) == nil {
                diagnostics.error(
                    at, "unknown structure \"\(duty.receiver)\"." + Suggestion.hint(for: duty.receiver, in: config.structures.map(\.id)))
            } else if duty.receiver == structure.id {
                diagnostics.error(at, "a structure cannot receive its own referat.")
            } else if config.structure(duty.receiver)?.instantiation != .one {
                diagnostics.error(at, "the receiving structure must have one instance (per = \"one\").")
            }
        }
        var markerIDs = Set<String>()
        for (m, marker) in structure.markers.enumerated() {
            let markerPath = path.appending("markers").appending(index: m)
            if !markerIDs.insert(marker.id).inserted {
                diagnostics.error(markerPath.appending("id"), "duplicate marker id \"\(marker.id)\".")
            }
            for (g, guest) in marker.guests.enumerated() where !actorSet.contains(guest) {
                diagnostics.error(
                    markerPath.appending("guests").appending(index: g),
                    "unknown role or unit \"\(guest)\"." + Suggestion.hint(for: guest, in: actors))
            }
        }
        if case .perGroup(let only) = structure.instantiation {
            if config.groups.isEmpty && places.unreadIDs("groups").isEmpty {
                diagnostics.error(path.appending("per"), "per = \"group\" but the config has no [[groups]].")
            }
            let groupIDs = config.groups.map(\.id)
            let readable = Set(groupIDs).union(places.unreadIDs("groups"))
            for (g, group) in only.enumerated() where !readable.contains(group) {
                diagnostics.error(
                    path.appending("groups").appending(index: g),
                    "unknown group \"\(group)\"." + Suggestion.hint(for: group, in: groupIDs))
            }
        }
    }

    /// `from`/`until` outside the horizon: allowed (the plan may be extended), but said.
    private func checkActivePeriod(_ period: ActivePeriod, at path: ConfigPath, _ config: Configuration) {
        let horizon = config.municipality.horizon
        for (key, date) in [("from", period.from), ("until", period.until)] {
            guard let date, !horizon.contains(date) else { continue }
            diagnostics.warning(path.appending(key), "\(key) \(date) lies outside the horizon (\(horizon)).")
        }
    }

    /// `skip_holidays` names as the calendar spells them (school holidays, closed days, "Sommerferie").
    private func checkSkippedHolidays(_ structure: Structure, at path: ConfigPath, _ config: Configuration) {
        guard !structure.skippedHolidays.isEmpty else { return }
        let known = WorkCalendar(settings: config.calendar, years: 2000...2000, catalogue: config.catalogue).holidayNames
        for (index, name) in structure.skippedHolidays.enumerated() where !known.contains(name) {
            diagnostics.error(
                path.appending(index: index),
                "unknown holiday \"\(name)\": use a name from [[calendar.school_years]] holidays or [[calendar.closed_days]] (\(known.joined(separator: ", ")))." + Suggestion.hint(for: name, in: known))
        }
        if structure.followsSchoolCalendar {
            diagnostics.warning(path, "school_calendar = true already skips every school holiday; skip_holidays adds nothing.")
        }
    }

    private func checkActors(_ ids: [String], at path: ConfigPath, _ actors: [String]) {
        let actorSet = Set(actors).union(places.unreadIDs("roles", "units"))
        for (index, id) in ids.enumerated() where !actorSet.contains(id) {
            diagnostics.error(path.appending(index: index), "unknown role or unit \"\(id)\"." + Suggestion.hint(for: id, in: actors))
        }
    }

    /// A location written like an id (a–z, 0–9, '-') must name a `[[locations]]` entry; other
    /// text ("Melhus rådhus, møterom Gauldal") is a place shown as it is, not a resource.
    private func checkLocation(_ location: String?, at path: ConfigPath, _ config: Configuration) {
        guard let location, ConfigReader.isValidID(location), config.location(location) == nil,
            !places.unreadIDs("locations").contains(location)
        else { return }
        diagnostics.error(
            path,
            "unknown location \"\(location)\"." + Suggestion.hint(for: location, in: config.locations.map(\.id))
                + " Add it under [[locations]], or write the place as text (with a capital letter or a space).")
    }

    /// Instance overrides name instances the structure has.
    private func checkOverrides(_ structure: Structure, at path: ConfigPath, _ config: Configuration, _ actors: [String]) {
        guard !structure.instanceOverrides.isEmpty else { return }
        let instances = Scheduler(configuration: config).instances(of: structure).map(\.instanceID)
        let sorted = structure.instanceOverrides.values.sorted { $0.id < $1.id }
        for override in sorted {
            // The override's place in the file: its index among [[structures.instances]].
            let at = path.appending("instances").appending(index: overrideIndex(structure, override.id))
            if structure.instantiation == .one {
                diagnostics.error(at.appending("id"), "per-instance settings need per = \"unit\" or per = \"group\"; set the structure's own keys instead.")
                continue
            }
            // A unit or group whose own entry has an error gives no instance; that error is reported.
            if !instances.contains(override.id) && !places.unreadIDs("units", "groups").contains(override.id) {
                diagnostics.error(
                    at.appending("id"),
                    "\(structure.id) has no instance \"\(override.id)\"." + Suggestion.hint(for: override.id, in: instances))
            }
            if let participants = override.participants { checkActors(participants, at: at.appending("participants"), actors) }
            checkLocation(override.location, at: at.appending("location"), config)
        }
    }

    private func overrideIndex(_ structure: Structure, _ id: String) -> Int {
        structure.instanceOverrideOrder.firstIndex(of: id) ?? 0
    }

    private func checkClosedDays(_ config: Configuration) {
        var seen = Set<LocalDate>()
        for (index, closed) in config.calendar.closedDays.enumerated() where !seen.insert(closed.day.date).inserted {
            diagnostics.error(
                ConfigPath([.key("calendar"), .key("closed_days"), .index(index), .key("date")]),
                "\(closed.day.date) is listed twice.")
        }
        let horizon = config.municipality.horizon
        for (index, year) in config.calendar.schoolYears.enumerated() {
            let span = SchoolYear.span(startYear: year.startYear)
            if !span.overlaps(horizon) {
                diagnostics.warning(
                    ConfigPath([.key("calendar"), .key("school_years"), .index(index)]),
                    "school year \(year.label) lies outside the horizon (\(horizon)); it has no effect.")
            }
        }
    }
}
