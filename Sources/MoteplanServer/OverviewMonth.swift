import Hummingbird
import MoteplanCore

/// A calendar month of the overview's meeting list, `?maaned=2027-03`.
struct OverviewMonth: Hashable, Comparable, Sendable {
    let year: Int
    let month: Int

    /// The month containing `date`.
    init(containing date: LocalDate) {
        year = date.year
        month = date.month
    }

    private init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// `2027-03`; nil for anything else (the query is never trusted).
    init?(query: String) {
        let parts = query.split(separator: "-", omittingEmptySubsequences: false)
        guard query.count == 7, parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month),
            LocalDate.planningYears.contains(year)
        else { return nil }
        self.init(year: year, month: month)
    }

    /// Whether `date` lies in this month.
    func contains(_ date: LocalDate) -> Bool { date.year == year && date.month == month }

    /// The month before.
    var previous: OverviewMonth { month == 1 ? OverviewMonth(year: year - 1, month: 12) : OverviewMonth(year: year, month: month - 1) }

    /// The month after.
    var next: OverviewMonth { month == 12 ? OverviewMonth(year: year + 1, month: 1) : OverviewMonth(year: year, month: month + 1) }

    /// Whether any day of the month lies in `range`.
    func overlaps(_ range: DateRange) -> Bool {
        let start = OverviewMonth(containing: range.first)
        let end = OverviewMonth(containing: range.last)
        return start <= self && self <= end
    }

    /// `2027-03`, for the query.
    var query: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    /// "mars 2027", in the catalogue's language.
    func name(_ catalogue: Catalogue) -> String { "\(catalogue.month(month)) \(year)" }

    static func < (lhs: OverviewMonth, rhs: OverviewMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

extension OverviewPage {
    /// The meetings of a month ("mars 2027"): every meeting of every instance in the month, with links to the months
    /// before and after within the plan's horizon, so no coming meeting is out of reach.
    func monthSection(_ shown: OverviewMonth) -> String {
        let horizon = configuration.municipality.horizon
        var html = "<h2 id=\"moter\">\(catalogue(.monthHeading, ["month": shown.name(catalogue)]))</h2>\n"
        html += "<nav aria-label=\"\(catalogue(.monthNav))\"><p>"
        var links: [String] = []
        if shown.previous.overlaps(horizon) {
            links.append("<a href=\"/?maaned=\(shown.previous.query)#moter\" rel=\"prev\">← \(shown.previous.name(catalogue))</a>")
        }
        let current = OverviewMonth(containing: now.date)
        if shown != current, current.overlaps(horizon) {
            links.append("<a href=\"/#moter\">\(catalogue(.monthCurrent))</a>")
        }
        if shown.next.overlaps(horizon) {
            links.append("<a href=\"/?maaned=\(shown.next.query)#moter\" rel=\"next\">\(shown.next.name(catalogue)) →</a>")
        }
        html += links.joined(separator: " · ") + "</p></nav>\n"
        let meetings = snapshot.plan.schedule.meetings
            .filter { shown.contains($0.date) }
            .sorted { ($0.date, $0.start, $0.title) < ($1.date, $1.start, $1.title) }
        guard !meetings.isEmpty else { return html + "<p>\(catalogue(.monthNone, ["month": shown.name(catalogue)]))</p>\n" }
        let count = NorwegianCount.of(meetings.count, one: catalogue(.meetingOne), many: catalogue(.meetingMany))
        html += "<table>\n<caption>\(catalogue(.monthCaption, ["meetings": count, "month": shown.name(catalogue)]))</caption>\n<tr>"
        for column in [Phrase.colDate, .colTime, .colMeeting, .colWhere, .colLeader, .colNotes] {
            html += "<th scope=\"col\">\(catalogue(column))</th>"
        }
        html += "</tr>\n"
        for meeting in meetings {
            let place = meeting.instance.isSingle ? (meeting.location ?? "") : meeting.instance.name
            let cls = meeting.isCancelled ? " class=\"avlyst\"" : ""
            let held = meeting.endDateTime < now ? " " + catalogue(.held) : ""
            html += "<tr\(cls) data-moete=\"\(Markup.escape(meeting.uid(domain: configuration.municipality.uidDomain)))\">"
            html += "<td>\(Markup.escape(catalogue.withWeekday(meeting.date)))\(held)</td>"
            html += "<td>\(meeting.start)–\(meeting.end)</td><td>\(Markup.escape(meeting.instance.isSingle ? meeting.title : structureTitle(meeting)))</td>"
            html += "<td>\(Markup.escape(place))</td>"
            html += "<td>\(Markup.escape(meeting.leader.map(LeaderName.display) ?? "–"))</td>"
            html += "<td>\(Markup.escape(meeting.notes(in: catalogue).joined(separator: "; ")))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// The structure's title for a meeting of one of its instances ("Tverrfaglig nettverk").
    func structureTitle(_ meeting: Meeting) -> String {
        configuration.structure(meeting.instance.structureID)?.title ?? meeting.title
    }
}

/// `?maaned=` of a request to `/`: absent (the current month), a month of the horizon, or refused
/// with a line in the plan's language saying what to write.
enum OverviewMonthQuery {
    /// The month to show (nil: the current one), or the reply that refuses the query.
    enum Outcome {
        case month(OverviewMonth?)
        case refused(Response)
    }

    static func read(_ request: Request, horizon: DateRange, catalogue: Catalogue) -> Outcome {
        guard let text = request.uri.queryParameters["maaned"].map(String.init) else { return .month(nil) }
        guard let month = OverviewMonth(query: text) else {
            return .refused(Replies.text(.badRequest, catalogue(.monthUnknown, ["text": String(text.prefix(20))])))
        }
        guard month.overlaps(horizon) else {
            let values = [
                "month": month.name(catalogue).capitalizedFirst, "first": catalogue.long(horizon.first), "last": catalogue.long(horizon.last),
            ]
            return .refused(Replies.text(.notFound, catalogue(.monthOutside, values)))
        }
        return .month(month)
    }
}

extension Phrase {
    static let monthHeading = Phrase("overview.month_heading")
    static let monthNav = Phrase("overview.month_nav")
    static let monthCurrent = Phrase("overview.month_current")
    static let monthNone = Phrase("overview.month_none")
    static let monthCaption = Phrase("overview.month_caption")
    static let meetingOne = Phrase("overview.meeting_one")
    static let meetingMany = Phrase("overview.meeting_many")
    static let colDate = Phrase("overview.col_date")
    static let colTime = Phrase("overview.col_time")
    static let colMeeting = Phrase("overview.col_meeting")
    static let colWhere = Phrase("overview.col_where")
    static let colLeader = Phrase("overview.col_leader")
    static let colNotes = Phrase("overview.col_notes")
    static let held = Phrase("overview.held")
    static let monthUnknown = Phrase("overview.month_unknown")
    static let monthOutside = Phrase("overview.month_outside")
}
