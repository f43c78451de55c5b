/// One pattern an automatically placed instance can take: a cadence and the day's times, such as
/// "2. tirsdag 12:30". A placement records its `key`.
public struct PatternChoice: Sendable, Hashable {
    /// The cadence with one nth and one weekday (or one weekday for week-based kinds).
    public var cadence: Cadence
    /// The meeting's slot on each of its days.
    public var slots: [Slot]
    /// The label, unique among one instance's choices: "2. tirsdag 12:30", "tirsdag 12:30" (weekly
    /// and week-numbered cadences). It is the id the state store records a placement under, so it
    /// is written the same way (bokmål) whatever the plan's language: a recorded placement survives
    /// a change of `language`.
    public var key: String

    /// Creates a choice; the key is derived from the pattern.
    public init(cadence: Cadence, slots: [Slot]) {
        self.cadence = cadence
        self.slots = slots
        key = PatternChoice.label(cadence.rule, slots)
    }

    /// The pattern's weekday.
    public var weekday: Weekday? {
        switch cadence.rule {
        case .monthly(_, let day), .months(_, _, let day), .weekly(_, let day, _), .isoWeeks(_, let day): day
        case .dates, .atLeast: nil
        }
    }

    /// The pattern's week of the month (nth), for monthly and months cadences.
    public var nth: NthWeekday? {
        switch cadence.rule {
        case .monthly(let nths, _), .months(_, let nths, _): nths.first
        default: nil
        }
    }

    /// The first slot's start.
    public var start: LocalTime? { slots.first?.start }

    static func label(_ rule: CadenceRule, _ slots: [Slot]) -> String {
        let keys = Catalogue.bokmal
        let time = slots.map { "\($0.start)" }.joined(separator: "+")
        switch rule {
        case .monthly(let nths, let day), .months(_, let nths, let day):
            return "\(nths.map(\.description).joined(separator: " og ")) \(keys.weekday(day)) \(time)"
        case .weekly(_, let day, _), .isoWeeks(_, let day):
            return "\(keys.weekday(day)) \(time)"
        case .dates(let dates):
            return "\(dates.map { "\($0.date)" }.joined(separator: ",")) \(time)"
        case .atLeast(let count, _):
            return "minst \(count) \(time)"
        }
    }
}

/// A wish about when meetings are (`prefer`) or are not (`avoid`): weekdays, weeks of the month
/// and start times; a choice matches when it matches every list that is given.
public struct PlacementWish: Sendable, Hashable {
    /// Weekdays; empty means any.
    public var weekdays: [Weekday]
    /// Weeks of the month (nth); empty means any.
    public var nths: [NthWeekday]
    /// Start times; empty means any.
    public var starts: [LocalTime]

    /// Creates a wish.
    public init(weekdays: [Weekday] = [], nths: [NthWeekday] = [], starts: [LocalTime] = []) {
        self.weekdays = weekdays
        self.nths = nths
        self.starts = starts
    }

    /// Whether `choice` matches every list given.
    public func matches(_ choice: PatternChoice) -> Bool {
        (weekdays.isEmpty || choice.weekday.map(weekdays.contains) == true)
            && (nths.isEmpty || choice.nth.map(nths.contains) == true)
            && (starts.isEmpty || choice.start.map(starts.contains) == true)
    }
}

/// Preferences of a structure, unit or role: what it would like and what it would rather not.
public struct PlacementWishes: Sendable, Hashable {
    /// Choices that match are preferred: a choice that does not costs something.
    public var prefer: PlacementWish?
    /// Choices that match cost something.
    public var avoid: PlacementWish?

    /// Creates wishes.
    public init(prefer: PlacementWish? = nil, avoid: PlacementWish? = nil) {
        self.prefer = prefer
        self.avoid = avoid
    }

    /// No wish at all.
    public var isEmpty: Bool { prefer == nil && avoid == nil }

    /// How many of the two wishes `choice` goes against (0, 1 or 2).
    public func misses(_ choice: PatternChoice) -> Int {
        (prefer.map { $0.matches(choice) ? 0 : 1 } ?? 0) + (avoid.map { $0.matches(choice) ? 1 : 0 } ?? 0)
    }
}
