/// When the handover to the next leader starts: `handover_weeks` before the term's last school
/// day (the last day before the summer holiday), not before the term's end on 31 July, when
/// nobody is at work; on a closed day, the working day before.
public enum HandoverStart {
    /// The last school day within `term`: the last day of the school year that ends in it, or the
    /// term's last day when the calendar has no such school year.
    public static func lastSchoolDay(of term: Term, configuration: Configuration) -> LocalDate {
        let range = term.range
        let lasts = configuration.calendar.schoolYears.map(\.lastDay).filter { range.first <= $0 && $0 <= range.last }
        return lasts.max() ?? range.last
    }

    /// The first day of the handover for `term`.
    public static func day(term: Term, weeks: Int, configuration: Configuration, rule: WorkingDayRule) -> LocalDate {
        rule.onOrBefore(lastSchoolDay(of: term, configuration: configuration).adding(days: -7 * weeks), school: false)
    }
}
