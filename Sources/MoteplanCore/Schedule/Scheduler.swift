/// Plans meetings from a configuration: a pure function of the config and a date range.
public struct Scheduler: Sendable {
    /// The configuration planned from.
    public let configuration: Configuration
    /// Its working-day calendar.
    public let calendar: WorkCalendar
    /// Who leads each rotating group in each term.
    public let rotation: RotationPlanner
    /// Cancellations and moves by UID, in the order they were made.
    let changes: [String: [MeetingChange]]
    /// Added meetings by structure id and instance id (matched to the instances the config makes).
    let added: [String: [String: [MeetingChange]]]
    /// The chosen pattern of each automatically placed instance and school year.
    public let placements: PlacementTable

    /// Prepares a scheduler for `configuration`, with the terms, meeting changes and placements
    /// the state store recorded. An automatically placed instance without a placement for a school
    /// year takes its first choice there (callers place such instances first: `PlacementResolver`).
    public init(
        configuration: Configuration, recordedTerms: [RecordedTerm] = [], changes: [MeetingChange] = [],
        placements: PlacementTable = PlacementTable()
    ) {
        self.configuration = configuration
        self.placements = placements
        var byUID: [String: [MeetingChange]] = [:]
        var adds: [String: [String: [MeetingChange]]] = [:]
        for change in changes {
            if case .add(let structureID, let instanceID, _, _, _) = change.kind {
                adds[structureID, default: [:]][instanceID, default: []].append(change)
            } else {
                byUID[change.uid, default: []].append(change)
            }
        }
        self.changes = byUID
        self.added = adds
        rotation = RotationPlanner(configuration: configuration, recorded: recordedTerms)
        let horizon = configuration.municipality.horizon
        calendar = WorkCalendar(
            settings: configuration.calendar, years: (horizon.first.year - 1)...(horizon.last.year + 1),
            catalogue: configuration.catalogue)
    }

    /// Every instance of every structure, in config order.
    public var instances: [StructureInstance] {
        configuration.structures.flatMap(instances(of:))
    }

    /// The instances of one structure.
    public func instances(of structure: Structure) -> [StructureInstance] {
        switch structure.instantiation {
        case .one:
            return [StructureInstance(structureID: structure.id, instanceID: structure.id, name: structure.title)]
        case .perUnit(let kinds):
            return configuration.units.filter { !$0.kinds.isDisjoint(with: kinds) }.map {
                StructureInstance(structureID: structure.id, instanceID: $0.id, name: $0.name, unitID: $0.id)
            }
        case .perGroup(let only):
            return configuration.groups.filter { only.isEmpty || only.contains($0.id) }.map {
                StructureInstance(structureID: structure.id, instanceID: $0.id, name: $0.name, groupID: $0.id)
            }
        }
    }

    /// The whole horizon's schedule.
    public func schedule() -> Schedule {
        // Each instance's meetings are worked out on every core (an instance's meetings depend on
        // the config, its own changes and its group's terms only), then put in order.
        // A job names its structure by index: a copy of the structure per instance retained and
        // released every one of its strings and arrays.
        var jobs: [(structure: Int, instance: Int, is: StructureInstance)] = []
        var instanceList: [StructureInstance] = []
        var plannedByStructure: [[LocalDate]] = []
        for (s, structure) in configuration.structures.enumerated() {
            // The structure's dates, computed once: most instances share its cadence.
            plannedByStructure.append(structure.choices == nil ? plannedDates(structure) : [])
            for (i, instance) in instances(of: structure).enumerated() {
                instanceList.append(instance)
                jobs.append((s, i, instance))
            }
        }
        let work = jobs
        let structures = configuration.structures
        let planned = plannedByStructure
        var meetings: [Meeting] = []
        var order: [(start: LocalDateTime, structure: Int, instance: Int, slot: Int, index: Int)] = []
        var notes: [ScheduleNote] = []
        // A batch of instances at a time, each on any core, so that no more than a batch's
        // meetings are held twice (a million meetings at Oslo's size). A small plan (Melhus: 22
        // instances) is done on this thread before others would have started.
        for batch in stride(from: 0, to: work.count, by: Self.instancesPerBatch) {
            let end = min(work.count, batch + Self.instancesPerBatch)
            let chunk = work.count < Self.instancesPerBatch ? end - batch : 1
            let results = Parallel.map(end - batch, chunk: max(1, chunk)) { k -> ([Meeting], [ScheduleNote]) in
                let job = work[batch + k]
                return instanceMeetings(structures[job.structure], job.is, planned: planned[job.structure])
            }
            for (k, (list, instanceNotes)) in results.enumerated() {
                let (structure, instance) = (work[batch + k].structure, work[batch + k].instance)
                for meeting in list {
                    order.append((meeting.startDateTime, structure, instance, meeting.slotIndex, meetings.count))
                    meetings.append(meeting)
                }
                notes += instanceNotes
            }
        }
        // Sorted by a small key, then the meetings put in that order in place: never two arrays of
        // meetings at once.
        order.sort { a, b in
            if a.start != b.start { return a.start < b.start }
            if a.structure != b.structure { return a.structure < b.structure }
            if a.instance != b.instance { return a.instance < b.instance }
            return a.slot < b.slot
        }
        Self.permute(&meetings, to: order.map(\.index))
        return Schedule(instances: instanceList, meetings: meetings, notes: notes)
    }

    /// The meetings and notes of `instance` of `structure`, whose own dates are `planned`.
    private func instanceMeetings(_ structure: Structure, _ instance: StructureInstance, planned: [LocalDate]) -> ([Meeting], [ScheduleNote]) {
        let effective = resolved(structure, instance)
        let days: [PlannedDay]
        if effective.choices != nil {
            days = placedDays(effective, instance)
        } else if effective.cadence == structure.cadence && structure.choices == nil && effective.active == structure.active {
            days = planned.map { PlannedDay(date: $0, slots: slots(effective, on: $0), cadence: effective.cadence) }
        } else {
            days = plannedDays(effective)
        }
        return finished(effective, instance, days)
    }

    /// Instances scheduled together, on every core; a plan with fewer is made on one thread.
    static let instancesPerBatch = 200

    /// Puts `elements[order[k]]` at position k, in place, following each cycle of the permutation.
    /// Elements are moved, not copied: a meeting's boxes are neither retained nor released.
    static func permute<Element>(_ elements: inout [Element], to order: [Int]) {
        precondition(order.count == elements.count, "a permutation of every element")
        var placed = [Bool](repeating: false, count: order.count)
        elements.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in order.indices where !placed[start] {
                // Walk the cycle through `start`, pulling each position's element from where it is
                // now; the hole the walk leaves is filled last with the element taken from `start`.
                var position = start
                let first = (base + start).move()
                while true {
                    placed[position] = true
                    let from = order[position]
                    if from == start {
                        (base + position).initialize(to: first)
                        break
                    }
                    (base + position).initialize(to: (base + from).move())
                    position = from
                }
            }
        }
    }

    /// The meetings `instance` would have in school year `schoolYear` (start year) if it took
    /// `choice`: dated, holiday moves and changes applied, with markers, leaders and needs. What
    /// placement weighs each choice by.
    public func meetings(
        of instance: StructureInstance, _ structure: Structure, taking choice: PatternChoice, schoolYear: Int
    ) -> [Meeting] {
        guard let year = DateRange.schoolYear(schoolYear) else { return [] }
        var pattern = structure
        pattern.cadence = choice.cadence
        pattern.slots = choice.slots
        let days = plannedDays(pattern).filter { year.contains($0.date) }
        var (list, _) = finished(pattern, instance, days, withAdded: false)
        list.removeAll { !year.contains($0.date) }
        return list
    }

    /// Meetings for planned days with markers, leaders and needs, and the notes on them.
    private func finished(_ structure: Structure, _ instance: StructureInstance, _ days: [PlannedDay], withAdded: Bool = true)
        -> ([Meeting], [ScheduleNote])
    {
        var (list, notes) = meetingsFor(structure, instance, days, withAdded: withAdded)
        notes += MarkerAssigner(configuration: configuration).assign(structure, instance, &list)
        resolveNeeds(structure, instance, &list)
        return (list, notes)
    }

    /// A planned meeting day: its date, the slots and the cadence it comes from.
    struct PlannedDay {
        var date: LocalDate
        var slots: [Slot]
        var cadence: Cadence
    }

    /// A fixed structure's planned days.
    func plannedDays(_ structure: Structure) -> [PlannedDay] {
        plannedDates(structure).map { PlannedDay(date: $0, slots: slots(structure, on: $0), cadence: structure.cadence) }
    }

    /// An automatically placed instance's days: each school year of the horizon with the pattern
    /// placed for it (the first choice when none is).
    func placedDays(_ structure: Structure, _ instance: StructureInstance) -> [PlannedDay] {
        guard let choices = structure.choices, let first = choices.first else { return plannedDays(structure) }
        var days: [PlannedDay] = []
        for year in configuration.municipality.horizon.schoolYears {
            guard let range = DateRange.schoolYear(year) else { continue }
            let key = placements.choice(structure: instance.structureID, instance: instance.instanceID, schoolYear: year)
            let choice = key.flatMap { key in choices.first { $0.key == key } } ?? first
            var pattern = structure
            pattern.cadence = choice.cadence
            pattern.slots = choice.slots
            days += plannedDays(pattern).filter { range.contains($0.date) }
        }
        return days
    }

    /// `structure` as `instance` sees it: with the instance's own cadence, times, place and
    /// participants where `[[structures.instances]]` gives them.
    public func resolved(_ structure: Structure, _ instance: StructureInstance) -> Structure {
        structure.instanceOverrides[instance.instanceID]?.applied(to: structure) ?? structure
    }

    /// Planned dates after exclusions, within the horizon and the structure's `from`/`until`.
    func plannedDates(_ structure: Structure) -> [LocalDate] {
        let cadence = structure.cadence
        let active = structure.active
        return CadenceExpander.dates(cadence.rule, in: configuration.municipality.horizon).filter {
            !cadence.excludedMonths.contains($0.month) && !cadence.excludedDates.contains($0) && active.contains($0)
        }
    }

    /// Why `structure` does not meet on `date`: the working calendar's closures (the school
    /// calendar's too when it follows it), and the holidays it names in `skip_holidays`.
    func closure(on date: LocalDate, _ structure: Structure) -> String? {
        if let closed = calendar.closure(on: date, school: structure.followsSchoolCalendar) { return closed }
        guard !structure.skippedHolidays.isEmpty, let name = calendar.schoolClosure(on: date) else { return nil }
        return structure.skippedHolidays.contains(name) ? name : nil
    }

    private func meetingsFor(_ structure: Structure, _ instance: StructureInstance, _ planned: [PlannedDay], withAdded: Bool)
        -> ([Meeting], [ScheduleNote])
    {
        var meetings: [Meeting] = []
        var notes: [ScheduleNote] = []
        var taken = Set(planned.map(\.date))
        let participants = participantList(structure, instance)
        let place = structure.location ?? instance.unitID.flatMap { configuration.unit($0) }.map { $0.location ?? $0.name }
        // A place that names a configured location is that room (a resource), shown by its name.
        let room = place.flatMap { configuration.location($0) }
        let location = room?.name ?? place
        let title = instance.isSingle ? structure.title : "\(structure.title) – \(instance.name)"
        // One object for what all the instance's meetings share (a million meetings at Oslo size).
        let common = Meeting.Box(Meeting.Common(
            instance: instance, title: title, location: location, locationID: room?.id, participants: participants))
        let domain = configuration.municipality.uidDomain
        for day in planned {
            let date = day.date
            var actual = date
            var reason: String?
            if let closure = closure(on: date, structure) {
                reason = closure
                guard case .move(let maxDays) = structure.holidayPolicy,
                    let target = nearestWorkingDay(to: date, within: maxDays, structure: structure, cadence: day.cadence)
                else {
                    // Summer and weekends are part of the cadence's design, not news.
                    if closure != configuration.catalogue(.summerHoliday) {
                        notes.append(ScheduleNote(instance: instance, kind: .dropped(date: date, reason: closure)))
                    }
                    continue
                }
                guard !taken.contains(target) else {
                    notes.append(ScheduleNote(
                        instance: instance,
                        kind: .dropped(date: date, reason: "\(closure); nearest working day \(target) already has a meeting")))
                    continue
                }
                taken.insert(target)
                actual = target
                notes.append(ScheduleNote(instance: instance, kind: .moved(from: date, to: target, reason: closure)))
            }
            for (index, slot) in day.slots.enumerated() {
                var meeting = Meeting(
                    common: common, plannedDate: date, slotIndex: index, date: actual, start: slot.start, end: slot.end)
                if actual != date { meeting.movedBecause = reason }
                // The UID is only built when there are changes to look up (ics at Oslo size has 100k meetings).
                if !changes.isEmpty {
                    for change in changes[meeting.uid(domain: domain)] ?? [] { meeting.apply(change) }
                }
                meetings.append(meeting)
            }
        }
        for change in withAdded ? added[instance.structureID]?[instance.instanceID] ?? [] : [] {
            guard case .add(_, _, let start, let end, let extraTitle) = change.kind else { continue }
            var meeting = Meeting(
                common: common, plannedDate: start.date, slotIndex: 0, date: start.date, start: start.time, end: end)
            if let extraTitle { meeting.title = "\(title): \(extraTitle)" }
            meeting.addedUID = change.uid
            for later in changes[change.uid] ?? [] { meeting.apply(later) }
            meetings.append(meeting)
        }
        meetings.sort { ($0.startDateTime, $0.plannedDate, $0.slotIndex) < ($1.startDateTime, $1.plannedDate, $1.slotIndex) }
        assignLeaders(structure, instance, &meetings)
        return (meetings, notes)
    }

    /// Sets each meeting's leader: fixed, the unit's head, or the group's leader of the term
    /// containing the meeting's date; marks the first meeting under a new rotating leader.
    private func assignLeaders(_ structure: Structure, _ instance: StructureInstance, _ meetings: inout [Meeting]) {
        let fixed = leaderRole(structure, instance)
        guard structure.leader == .groupLeader, let group = instance.groupID,
            let rule = configuration.group(group)?.rotation
        else {
            let box = fixed.map(Meeting.Box.init)
            for index in meetings.indices { meetings[index].setLeader(box) }
            return
        }
        var previous: Role?
        var boxes: [String: Meeting.Box<Role>] = [:]  // one per leader, shared by their meetings
        for index in meetings.indices {
            let leader = rotation.leader(group: group, on: meetings[index].date).flatMap { configuration.actor($0) }
            let box = leader.map { role in
                if let made = boxes[role.id], made.value == role { return made }
                let made = Meeting.Box(role)
                boxes[role.id] = made
                return made
            }
            meetings[index].setLeader(box)
            if meetings[index].isCancelled { continue }
            if let before = previous, let now = leader, before != now {
                let term = Term(kind: rule.termKind, containing: meetings[index].date)
                meetings[index].handover = configuration.catalogue(.handover, [
                    "term": term.label, "incoming": LeaderName.display(now), "outgoing": LeaderName.display(before),
                ])
            }
            previous = leader
        }
    }

    /// Sets each meeting's needs: its leader on that day, the unit or the group's members, the
    /// participants, the guests of the markers it carries and its room, each once.
    private func resolveNeeds(_ structure: Structure, _ instance: StructureInstance, _ meetings: inout [Meeting]) {
        var base: [String] = []
        if let unit = instance.unitID { base.append(unit) }
        if let group = instance.groupID.flatMap({ configuration.group($0) }) { base += group.members }
        base += structure.participants
        // Lists are short (a network has about fifteen members): a linear check per id costs less than
        // a Set per meeting, and this runs for every one of 100k meetings at Oslo size.
        func adding(_ id: String, to ids: inout [String]) {
            if !ids.contains(id) { ids.append(id) }
        }
        var previous: [String] = []
        for index in meetings.indices {
            var ids: [String] = []
            ids.reserveCapacity(base.count + 4)
            if let leader = leaderID(structure, instance, on: meetings[index].date) { ids.append(leader) }
            for id in base { adding(id, to: &ids) }
            for marker in meetings[index].markers { for id in marker.guestIDs { adding(id, to: &ids) } }
            if let room = meetings[index].locationID { adding(room, to: &ids) }
            // Most meetings of an instance need the same: they share one array.
            if ids == previous { ids = previous } else { previous = ids }
            meetings[index].needs = ids
        }
    }

    /// The id of the role or unit that leads `instance` on `date`.
    public func leaderID(_ structure: Structure, _ instance: StructureInstance, on date: LocalDate) -> String? {
        switch structure.leader {
        case .fixed(let id): return id
        case .unitHead: return instance.unitID
        case .groupLeader:
            guard let group = instance.groupID.flatMap({ configuration.group($0) }) else { return nil }
            if group.rotation != nil { return rotation.leader(group: group.id, on: date) }
            return group.leader
        }
    }

    /// The nearest working day within `maxDays` (the later one on a tie), inside the horizon,
    /// not excluded by the cadence.
    func nearestWorkingDay(to date: LocalDate, within maxDays: Int, structure: Structure, cadence: Cadence) -> LocalDate? {
        let horizon = configuration.municipality.horizon
        for distance in 1...max(1, maxDays) {
            for candidate in [date.adding(days: distance), date.adding(days: -distance)]
            where horizon.contains(candidate) && structure.active.contains(candidate) && closure(on: candidate, structure) == nil
                && !cadence.excludedMonths.contains(candidate.month) && !cadence.excludedDates.contains(candidate)
            {
                return candidate
            }
        }
        return nil
    }

    private func slots(_ structure: Structure, on date: LocalDate) -> [Slot] {
        if case .dates(let occurrences) = structure.cadence.rule,
            let own = occurrences.first(where: { $0.date == date }), !own.slots.isEmpty
        {
            return own.slots
        }
        return structure.slots
    }

    /// The role leading an instance's meetings.
    public func leaderRole(_ structure: Structure, _ instance: StructureInstance) -> Role? {
        configuration.leaderRole(structure, instance)
    }

    private func participantList(_ structure: Structure, _ instance: StructureInstance) -> [Participant] {
        var ids: [String] = []
        if let unit = instance.unitID { ids.append(unit) }
        if let group = instance.groupID.flatMap({ configuration.group($0) }) { ids += group.members }
        ids += structure.participants
        var seen = Set<String>()
        let needed = ids.filter { seen.insert($0).inserted }.compactMap(participant)
        // Welcome, not needed: listed for people to see, never counted for conflicts.
        let optional = structure.optionalParticipants.filter { seen.insert($0).inserted }.compactMap(participant).map {
            Participant(name: configuration.catalogue(.optionalParticipant, ["name": $0.name]), email: $0.email)
        }
        return needed + optional
    }

    /// A role or unit as a participant: units show their name and use their head's address.
    func participant(_ id: String) -> Participant? {
        if let role = configuration.role(id) { return Participant(name: role.name, email: role.email) }
        if let unit = configuration.unit(id) { return Participant(name: unit.name, email: unit.head.email) }
        return nil
    }
}
