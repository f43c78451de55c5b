/// One period of an `at_least` duty: "2027-H1" (January–June), "2026-H2" or "2026/27".
public struct DutyPeriod: Sendable, Hashable {
    /// A stable key: `YYYY-H1`, `YYYY-H2` or the school year's label.
    public var key: String
    /// In the plan's language: "første halvår 2027", "andre halvår 2026" or "skoleåret 2026/27".
    public var label: String
    /// The days.
    public var range: DateRange
}

extension MarkerPeriod {
    /// The periods that overlap `range`, in order.
    public func periods(overlapping range: DateRange, in catalogue: Catalogue) -> [DutyPeriod] {
        var result: [DutyPeriod] = []
        for year in (range.first.year - 1)...(range.last.year) {
            let candidates: [DutyPeriod]
            switch self {
            case .halfYear:
                guard let january = LocalDate(year: year, month: 1, day: 1), let june = LocalDate(year: year, month: 6, day: 30),
                    let july = LocalDate(year: year, month: 7, day: 1), let december = LocalDate(year: year, month: 12, day: 31)
                else { continue }
                candidates = [
                    DutyPeriod(key: "\(year)-H1", label: catalogue(.firstHalfYear, ["year": String(year)]), range: DateRange(first: january, last: june)),
                    DutyPeriod(key: "\(year)-H2", label: catalogue(.secondHalfYear, ["year": String(year)]), range: DateRange(first: july, last: december)),
                ]
            case .schoolYear:
                let label = SchoolYear.label(startYear: year)
                candidates = [DutyPeriod(key: label, label: catalogue(.schoolYearLabel, ["year": label]), range: SchoolYear.span(startYear: year))]
            }
            result += candidates.filter { $0.range.overlaps(range) }
        }
        return result
    }
}

/// Where an `at_least` duty stands for one instance and period: how many meetings it must hold,
/// and the meetings registered (not cancelled) so far.
public struct FlexibleDutyStatus: Sendable, Hashable {
    /// The structure.
    public var structure: Structure
    /// The instance.
    public var instance: StructureInstance
    /// The period.
    public var period: DutyPeriod
    /// Meetings required.
    public var required: Int
    /// Registered meetings in the period, cancelled ones left out.
    public var registered: [Meeting]

    /// Whether enough meetings are registered (held or planned).
    public var isRegistered: Bool { registered.count >= required }

    /// Whether enough of them were held by `now`.
    public func isMet(at now: LocalDateTime) -> Bool {
        registered.filter { $0.startDateTime <= now }.count >= required
    }

    /// "minst 1 møte" / "minst 2 møter" in the catalogue's language.
    public func requirement(in catalogue: Catalogue) -> String {
        catalogue(required == 1 ? .atLeastOneMeeting : .atLeastMeetings, ["count": String(required)])
    }
}

/// The duties without fixed dates (`cadence = { kind = "at_least", … }`): per instance and period
/// of the horizon, what is required and registered.
public enum FlexibleDuties {
    /// Every instance's status in every period overlapping the horizon, in config order.
    public static func statuses(configuration: Configuration, schedule: Schedule) -> [FlexibleDutyStatus] {
        var result: [FlexibleDutyStatus] = []
        let horizon = configuration.municipality.horizon
        for structure in configuration.structures {
            guard case .atLeast(let count, let per) = structure.cadence.rule else { continue }
            let periods = per.periods(overlapping: horizon, in: configuration.catalogue)
            for instance in schedule.instances where instance.structureID == structure.id {
                let meetings = schedule.meetings.filter { $0.instance == instance && !$0.isCancelled }
                for period in periods {
                    result.append(FlexibleDutyStatus(
                        structure: structure, instance: instance, period: period, required: count,
                        registered: meetings.filter { period.range.contains($0.date) }))
                }
            }
        }
        return result
    }
}

extension Phrase {
    static let firstHalfYear = Phrase("duty.first_half_year")
    static let secondHalfYear = Phrase("duty.second_half_year")
    static let schoolYearLabel = Phrase("duty.school_year")
    static let atLeastOneMeeting = Phrase("duty.at_least_one_meeting")
    static let atLeastMeetings = Phrase("duty.at_least_meetings")
}
