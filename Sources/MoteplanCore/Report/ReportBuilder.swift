/// Computes an `EvaluationReport` from the schedule with the store's facts applied.
public struct ReportBuilder: Sendable {
    /// The configuration.
    public let configuration: Configuration
    /// The schedule (changes applied).
    public let schedule: Schedule
    /// The referat ledger.
    public let ledger: ReferatLedger
    /// The rotation.
    public let rotation: RotationPlanner

    /// Creates a builder.
    public init(configuration: Configuration, schedule: Schedule, ledger: ReferatLedger, rotation: RotationPlanner) {
        self.configuration = configuration
        self.schedule = schedule
        self.ledger = ledger
        self.rotation = rotation
    }

    /// The report for `period` at `now`, for the structures `only` (all when empty).
    public func build(period: DateRange, now: LocalDateTime, only: [String] = []) -> EvaluationReport {
        var report = EvaluationReport(period: period, now: now)
        let domain = configuration.municipality.uidDomain
        let inPeriod = schedule.meetings.filter { period.contains($0.date) && (only.isEmpty || only.contains($0.instance.structureID)) }
        for structure in configuration.structures where only.isEmpty || only.contains(structure.id) {
            var structureTotal = EvaluationReport.Figures(structure: structure.id, instance: "*")
            for instance in schedule.instances where instance.structureID == structure.id {
                let meetings = inPeriod.filter { $0.instance == instance }
                var figures = EvaluationReport.Figures(structure: structure.id, instance: instance.instanceID)
                for meeting in meetings {
                    let past = meeting.startDateTime <= now
                    if !meeting.isAdded { figures.planned += 1 }
                    if meeting.isAdded && past && !meeting.isCancelled { figures.added += 1 }
                    if meeting.isCancelled {
                        figures.cancelled += 1
                        report.cancellations.append(.init(
                            structure: structure.id, instance: instance.instanceID,
                            meeting: meeting.startDateTime.description, reason: meeting.cancelled ?? ""))
                    } else if past {
                        figures.held += 1
                    } else {
                        figures.upcoming += 1
                    }
                    if meeting.movedByHand != nil { figures.moved += 1 }
                }
                cadence(structure, instance, meetings, period: period, now: now, figures: &figures, report: &report)
                referat(meetings, domain: domain, now: now, figures: &figures)
                markerChecks(structure, instance, meetings, period: period, now: now, figures: &figures, report: &report)
                report.instances.append(figures)
                structureTotal.add(figures)
            }
            structureTotal.referatMedianDaysLate = median(lateDays(inPeriod.filter { $0.instance.structureID == structure.id }, domain: domain, now: now))
            report.structures.append(structureTotal)
            report.total.add(structureTotal)
        }
        report.total.referatMedianDaysLate = median(lateDays(inPeriod, domain: domain, now: now))
        report.leaders = leaderTerms(period)
        report.conflicts = ConflictFinder(configuration: configuration)
            .conflicts(in: schedule.meetings, from: period.first, to: period.last)
            .filter { conflict in only.isEmpty || !Set(conflict.structures).isDisjoint(with: only) }
            .map { .init(resource: $0.resource, start: $0.start.description, end: $0.end.description, capacity: $0.capacity, needed: $0.needed, uids: $0.uids) }
        report.attention = attention(report)
        return report
    }

    /// Cadence periods: the months (or ISO weeks, or days) in which the config planned a meeting
    /// for the instance; one that has ended (or already has a held meeting) counts, and is met when
    /// a meeting was held in it.
    private func cadence(
        _ structure: Structure, _ instance: StructureInstance, _ meetings: [Meeting], period: DateRange, now: LocalDateTime,
        figures: inout EvaluationReport.Figures, report: inout EvaluationReport
    ) {
        // A duty without fixed dates: each of its periods within the report's that has ended (or
        // is already met) counts, met when enough registered meetings were held in it.
        if case .atLeast(let count, let per) = structure.cadence.rule {
            let held = schedule.meetings.filter { $0.instance == instance && !$0.isCancelled && $0.startDateTime <= now }
            for duty in per.periods(overlapping: period, in: configuration.catalogue) {
                let inDuty = held.filter { duty.range.contains($0.date) }.count
                let met = inDuty >= count
                guard duty.range.last < now.date || met else { continue }
                figures.periodsRequired += 1
                if met {
                    figures.periodsMet += 1
                } else {
                    report.missed.append(.init(structure: structure.id, instance: instance.instanceID, period: duty.key))
                }
            }
            return
        }
        func key(_ date: LocalDate) -> (String, LocalDate) {
            switch structure.cadence.rule {
            case .isoWeeks:
                let week = ISOWeek.week(of: date)
                let monday = date.adding(days: -(date.weekday.rawValue - 1))
                return ("\(week.year)-W\(week.week < 10 ? "0" : "")\(week.week)", monday.adding(days: 6))
            case .dates:
                return (date.description, date)
            default:
                let last = LocalDate(year: date.year, month: date.month, day: LocalDate.daysIn(month: date.month, year: date.year)) ?? date
                return ("\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)", last)
            }
        }
        var required: [String: LocalDate] = [:]
        for meeting in meetings where !meeting.isAdded { let (k, end) = key(meeting.plannedDate); required[k] = end }
        let held = Set(meetings.filter { !$0.isCancelled && $0.startDateTime <= now }.map { key($0.date).0 })
        for (name, end) in required.sorted(by: { $0.key < $1.key }) where end < now.date || held.contains(name) {
            figures.periodsRequired += 1
            if held.contains(name) {
                figures.periodsMet += 1
            } else {
                report.missed.append(.init(structure: structure.id, instance: instance.instanceID, period: name))
            }
        }
    }

    private func referat(_ meetings: [Meeting], domain: String, now: LocalDateTime, figures: inout EvaluationReport.Figures) {
        var late: [Int] = []
        for meeting in meetings where meeting.startDateTime <= now {
            guard let expected = ledger.expected(uid: meeting.uid(domain: domain)) else { continue }
            figures.referatExpected += 1
            switch ledger.state(of: expected, now: now) {
            case .deliveredOnTime: figures.referatOnTime += 1
            case .deliveredLate(_, let days):
                figures.referatLate += 1
                late.append(days)
            case .overdue: figures.referatMissing += 1
            case .due, .notDueYet: figures.referatPending += 1
            }
        }
        figures.referatMedianDaysLate = median(late)
    }

    private func lateDays(_ meetings: [Meeting], domain: String, now: LocalDateTime) -> [Int] {
        meetings.compactMap { meeting in
            guard meeting.startDateTime <= now, let expected = ledger.expected(uid: meeting.uid(domain: domain)),
                case .deliveredLate(_, let days) = ledger.state(of: expected, now: now)
            else { return nil }
            return days
        }
    }

    private func median(_ values: [Int]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    private func markerChecks(
        _ structure: Structure, _ instance: StructureInstance, _ meetings: [Meeting], period: DateRange, now: LocalDateTime,
        figures: inout EvaluationReport.Figures, report: inout EvaluationReport
    ) {
        for marker in structure.markers {
            var periods: [String: (range: DateRange, dates: [String])] = [:]
            for meeting in meetings {
                let range = MarkerAssigner.Period(marker.period, containing: meeting.date).range(marker.period)
                let name = marker.period == .halfYear
                    ? HalfYear(containing: meeting.date).name(in: configuration.catalogue)
                    : configuration.catalogue(.schoolYearLabel, [
                        "year": SchoolYear.label(startYear: SchoolYear.startYear(containing: meeting.date)),
                    ])
                var entry = periods[name] ?? (range, [])
                if !meeting.isCancelled && meeting.startDateTime <= now && meeting.markers.contains(where: { $0.id == marker.id }) {
                    if !entry.dates.contains(meeting.date.description) { entry.dates.append(meeting.date.description) }
                }
                periods[name] = entry
            }
            for (name, entry) in periods.sorted(by: { $0.value.range.first < $1.value.range.first })
            where entry.range.overlaps(period) && (entry.range.last < now.date || entry.dates.count >= marker.count) {
                // A period counts once it has ended, or as soon as it is met.
                let met = entry.dates.count >= marker.count
                figures.markersRequired += 1
                if met { figures.markersMet += 1 }
                report.markers.append(.init(
                    structure: structure.id, instance: instance.instanceID, marker: marker.id, period: name,
                    required: marker.count, meetings: entry.dates, met: met))
            }
        }
    }

    private func leaderTerms(_ period: DateRange) -> [EvaluationReport.LeaderTerm] {
        var result: [EvaluationReport.LeaderTerm] = []
        for group in configuration.groups {
            guard let rule = group.rotation else { continue }
            let last = Term(kind: rule.termKind, containing: period.last)
            for term in rotation.terms(group: group.id, through: last) where term.term.range.overlaps(period) {
                let name = configuration.actor(term.leaderID).map(LeaderName.display) ?? term.leaderID
                result.append(.init(group: group.name, term: term.term.label, leader: name, status: term.status.rawValue))
            }
        }
        return result
    }

    /// The short list of what needs attention, in the plan's language.
    private func attention(_ report: EvaluationReport) -> [String] {
        let catalogue = configuration.catalogue
        let clashes = report.conflicts.isEmpty ? [] : [
            catalogue(report.conflicts.count == 1 ? .reportDoubleBooking : .reportDoubleBookings, [
                "count": String(report.conflicts.count),
                "resources": Set(report.conflicts.map(\.resource)).sorted().joined(separator: ", "),
            ])
        ]
        return clashes + attentionItems(report)
    }

    private func attentionItems(_ report: EvaluationReport) -> [String] {
        let catalogue = configuration.catalogue
        var lines: [String] = []
        for figures in report.instances {
            let name = schedule.instances.first { $0.structureID == figures.structure && $0.instanceID == figures.instance }
            let title = configuration.structure(figures.structure)?.title ?? figures.structure
            let who = name.map { $0.isSingle ? title : "\(title) \($0.name)" } ?? figures.instance
            let missing = figures.referatMissing
            if missing > 0 {
                lines.append(catalogue(.reportReferatMissing, [
                    "who": who, "count": String(missing), "of": String(figures.referatExpected),
                ]))
            }
            if figures.referatLate > 0 {
                lines.append(catalogue(.reportReferatLate, [
                    "who": who, "count": String(figures.referatLate), "of": String(figures.referatExpected),
                ]))
            }
            if figures.periodsRequired > figures.periodsMet {
                lines.append(catalogue(.reportPeriodsMissed, [
                    "who": who, "count": String(figures.periodsRequired - figures.periodsMet),
                    "of": String(figures.periodsRequired),
                ]))
            }
            if figures.cancelled > 0 && figures.cancelled * 4 >= figures.planned {
                lines.append(catalogue(.reportCancelled, [
                    "who": who, "count": String(figures.cancelled), "of": String(figures.planned),
                ]))
            }
        }
        for check in report.markers where !check.met {
            let title = configuration.structure(check.structure)?.title ?? check.structure
            let instance = schedule.instances.first { $0.structureID == check.structure && $0.instanceID == check.instance }
            let who = instance.map { $0.isSingle ? title : "\(title) \($0.name)" } ?? check.instance
            let marker = configuration.structure(check.structure)?.markers.first { $0.id == check.marker }?.text ?? check.marker
            lines.append(catalogue(.reportMarkerShort, [
                "who": who, "marker": marker, "count": String(check.meetings.count), "of": String(check.required),
                "period": check.period,
            ]))
        }
        return lines
    }
}

extension Phrase {
    static let reportDoubleBooking = Phrase("report.double_booking")
    static let reportDoubleBookings = Phrase("report.double_bookings")
    static let reportReferatMissing = Phrase("report.referat_missing")
    static let reportReferatLate = Phrase("report.referat_late")
    static let reportPeriodsMissed = Phrase("report.periods_missed")
    static let reportCancelled = Phrase("report.cancelled")
    static let reportMarkerShort = Phrase("report.marker_short")
}
