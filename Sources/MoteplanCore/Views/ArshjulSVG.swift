/// The årshjul (annual wheel) of one school year as SVG: twelve month sectors from August, one
/// ring per structure (one lane per instance) with a mark per meeting, school holidays shaded,
/// and a legend, all in the plan's language. The same schedule gives the same bytes.
public enum ArshjulSVG {
    /// The ring colours, in structure order.
    static let palette = ["#1b6ca8", "#d1495b", "#2e8b57", "#c98a0b", "#6a4c93", "#00798c", "#8c564b", "#c8553d"]

    static let width = 1440.0
    static let height = 960.0
    static let outer = 400.0
    static let inner = 120.0

    /// The wheel for the school year starting in `startYear`, with the structures `only` (all when empty).
    public static func render(
        configuration: Configuration, schedule: Schedule, startYear: Int, only: [String] = []
    ) -> String {
        let span = SchoolYear.span(startYear: startYear)
        let label = SchoolYear.label(startYear: startYear)
        let structures = configuration.structures.filter { only.isEmpty || only.contains($0.id) }
        let geometry = ArshjulGeometry(centerX: 480, centerY: 480)
        let c = configuration.catalogue
        let name = Markup.escape(configuration.municipality.name)
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="arshjul-tittel arshjul-beskrivelse" font-family="DejaVu Sans, Arial, sans-serif">
            <title id="arshjul-tittel">\(Markup.escape(c(.wheelTitle, ["year": label, "name": configuration.municipality.name])))</title>
            <desc id="arshjul-beskrivelse">\(Markup.escape(c(.wheelDescription)))</desc>
            <rect width="100%" height="100%" fill="#ffffff"/>

            """
        svg += monthSectors(geometry)
        let holidays = schoolHolidays(configuration, startYear: startYear)
        svg += "<g id=\"skoleferie\" fill=\"#d9d9d9\" fill-opacity=\"0.75\">\n"
        for holiday in holidays {
            let path = geometry.sector(
                inner: inner, outer: outer, start: ArshjulGeometry.angle(holiday.range.first),
                end: ArshjulGeometry.angle(holiday.range.last, end: true))
            svg += "<path d=\"\(path)\"><title>\(Markup.escape(holiday.name)): \(period(holiday.range))</title></path>\n"
        }
        svg += "</g>\n"
        var counts: [Int] = []
        let ringWidth = structures.isEmpty ? 0 : (outer - inner - 10) / Double(structures.count)
        for (index, structure) in structures.enumerated() {
            let ringOuter = outer - Double(index) * ringWidth
            let colour = palette[index % palette.count]
            let (ring, count) = self.ring(
                structure, schedule: schedule, span: span, outer: ringOuter, width: ringWidth, colour: colour,
                geometry: geometry, catalogue: c)
            svg += ring
            counts.append(count)
        }
        svg += monthLabels(geometry, c)
        svg += """
            <text x="480" y="462" text-anchor="middle" font-size="30" font-weight="bold">\(c(.wheel))</text>
            <text x="480" y="498" text-anchor="middle" font-size="26">\(label)</text>
            <text x="480" y="526" text-anchor="middle" font-size="13">\(name)</text>

            """
        svg += legend(structures, counts: counts, holidays: holidays, catalogue: c)
        svg += "</svg>\n"
        return svg
    }

    /// School holidays of the year, with the summer before the first and after the last school day.
    static func schoolHolidays(_ configuration: Configuration, startYear: Int) -> [NamedRange] {
        guard let year = configuration.calendar.schoolYears.first(where: { $0.startYear == startYear }) else { return [] }
        let span = SchoolYear.span(startYear: startYear)
        var result: [NamedRange] = []
        if span.first < year.firstDay {
            result.append(NamedRange(
                name: configuration.catalogue(.summerHoliday), range: DateRange(first: span.first, last: year.firstDay.adding(days: -1))))
        }
        result += year.holidays.filter { span.contains($0.range.first) }.sorted { $0.range.first < $1.range.first }
        if year.lastDay < span.last {
            result.append(NamedRange(
                name: configuration.catalogue(.summerHoliday), range: DateRange(first: year.lastDay.adding(days: 1), last: span.last)))
        }
        return result
    }

    static func monthSectors(_ geometry: ArshjulGeometry) -> String {
        var svg = "<g id=\"maaneder\" stroke=\"#ffffff\" stroke-width=\"2\">\n"
        for index in 0..<12 {
            let fill = index % 2 == 0 ? "#f4f6f8" : "#e9eef3"
            let path = geometry.sector(inner: inner, outer: outer, start: Double(index) * 30, end: Double(index + 1) * 30)
            svg += "<path d=\"\(path)\" fill=\"\(fill)\"/>\n"
        }
        return svg + "</g>\n"
    }

    static func monthLabels(_ geometry: ArshjulGeometry, _ catalogue: Catalogue) -> String {
        var svg = "<g id=\"maanedsnavn\" font-size=\"17\" text-anchor=\"middle\" fill=\"#222222\">\n"
        for index in 0..<12 {
            let month = (index + 7) % 12 + 1
            let p = geometry.point(outer + 26, Double(index) * 30 + 15)
            svg += "<text x=\"\(Markup.number(p.x))\" y=\"\(Markup.number(p.y + 6))\">\(Markup.capitalized(catalogue.month(month)))</text>\n"
        }
        return svg + "</g>\n"
    }

    /// One structure's ring: a lane per instance, a mark per meeting; returns the SVG and the count.
    static func ring(
        _ structure: Structure, schedule: Schedule, span: DateRange, outer: Double, width: Double, colour: String,
        geometry: ArshjulGeometry, catalogue: Catalogue
    ) -> (String, Int) {
        let instances = schedule.instances.filter { $0.structureID == structure.id }
        let meetings = schedule.meetings.filter { $0.instance.structureID == structure.id && span.contains($0.date) }
        let lanes = max(instances.count, 1)
        let laneWidth = (width - 4) / Double(lanes)
        let radius = min(max(laneWidth * 0.42, 1.5), 6)
        var svg = "<g id=\"ring-\(structure.id)\" fill=\"\(colour)\" stroke=\"\(colour)\">\n"
        svg += "<circle cx=\"480\" cy=\"480\" r=\"\(Markup.number(outer))\" fill=\"none\" stroke=\"#b0b8c0\" stroke-width=\"1\"/>\n"
        for meeting in meetings {
            let lane = instances.firstIndex(of: meeting.instance) ?? 0
            let r = outer - 2 - laneWidth * (Double(lane) + 0.5)
            let p = geometry.point(r, ArshjulGeometry.middle(meeting.date))
            var attributes = "cx=\"\(Markup.number(p.x))\" cy=\"\(Markup.number(p.y))\" r=\"\(Markup.number(radius))\""
            if meeting.isCancelled {
                attributes += " fill=\"#ffffff\" stroke-width=\"1.2\""
            } else if !meeting.markers.isEmpty {
                attributes += " stroke=\"#111111\" stroke-width=\"1.2\""
            }
            var tip = "\(meeting.title)"
            if !meeting.instance.isSingle { tip += " – \(meeting.instance.name)" }
            tip += ", " + catalogue(.dayAndTime, ["date": catalogue.withWeekday(meeting.date), "time": meeting.start.description])
            if meeting.isCancelled { tip += " (\(catalogue(.cancelledLower)))" }
            for marker in meeting.markers { tip += ". \(marker.text)" }
            svg += "<circle \(attributes)><title>\(Markup.escape(tip))</title></circle>\n"
        }
        return (svg + "</g>\n", meetings.count)
    }

    static func legend(_ structures: [Structure], counts: [Int], holidays: [NamedRange], catalogue c: Catalogue) -> String {
        var svg = "<g id=\"forklaring\" font-size=\"14\" fill=\"#222222\">\n"
        svg += "<text x=\"960\" y=\"60\" font-size=\"18\" font-weight=\"bold\">\(c(.wheelLegend))</text>\n"
        svg += "<text x=\"960\" y=\"82\" font-size=\"12\" fill=\"#555555\">\(c(.wheelRings))</text>\n"
        var y = 108.0
        for (index, structure) in structures.enumerated() {
            let colour = palette[index % palette.count]
            svg += "<rect x=\"960\" y=\"\(Markup.number(y - 12))\" width=\"16\" height=\"16\" fill=\"\(colour)\"/>\n"
            let count = counts[index]
            svg += "<text x=\"984\" y=\"\(Markup.number(y + 1))\">\(Markup.escape(structure.title)) (\(c(count == 1 ? .meetingCountOne : .meetingCount, ["count": String(count)])))</text>\n"
            y += 26
        }
        y += 8
        svg += "<circle cx=\"968\" cy=\"\(Markup.number(y - 4))\" r=\"6\" fill=\"#555555\"/>\n"
        svg += "<text x=\"984\" y=\"\(Markup.number(y + 1))\">\(c(.wheelMeeting))</text>\n"
        y += 24
        svg += "<circle cx=\"968\" cy=\"\(Markup.number(y - 4))\" r=\"6\" fill=\"#555555\" stroke=\"#111111\" stroke-width=\"1.2\"/>\n"
        svg += "<text x=\"984\" y=\"\(Markup.number(y + 1))\">\(Markup.escape(c(.wheelMarkedMeeting)))</text>\n"
        y += 24
        svg += "<circle cx=\"968\" cy=\"\(Markup.number(y - 4))\" r=\"6\" fill=\"#ffffff\" stroke=\"#555555\" stroke-width=\"1.2\"/>\n"
        svg += "<text x=\"984\" y=\"\(Markup.number(y + 1))\">\(c(.wheelCancelledMeeting))</text>\n"
        y += 24
        svg += "<rect x=\"960\" y=\"\(Markup.number(y - 12))\" width=\"16\" height=\"16\" fill=\"#d9d9d9\"/>\n"
        svg += "<text x=\"984\" y=\"\(Markup.number(y + 1))\">\(c(.wheelSchoolHoliday))</text>\n"
        y += 22
        for holiday in holidays {
            svg += "<text x=\"984\" y=\"\(Markup.number(y + 1))\" font-size=\"12\" fill=\"#555555\">\(Markup.escape(holiday.name)): \(period(holiday.range))</text>\n"
            y += 18
        }
        return svg + "</g>\n"
    }

    /// "12.10.–16.10." or "1.8.–16.8."
    static func period(_ range: DateRange) -> String {
        let first = "\(range.first.day).\(range.first.month)."
        return range.first == range.last ? first : "\(first)–\(range.last.day).\(range.last.month)."
    }
}

extension Phrase {
    static let wheel = Phrase("wheel.name")
    static let wheelTitle = Phrase("wheel.title")
    static let wheelDescription = Phrase("wheel.description")
    static let wheelLegend = Phrase("wheel.legend")
    static let wheelRings = Phrase("wheel.rings")
    static let wheelMeeting = Phrase("wheel.meeting")
    static let wheelMarkedMeeting = Phrase("wheel.marked_meeting")
    static let wheelCancelledMeeting = Phrase("wheel.cancelled_meeting")
    static let wheelSchoolHoliday = Phrase("wheel.school_holiday")
    static let wheelTable = Phrase("wheel.table")
    static let wheelTotal = Phrase("wheel.total")
    static let wheelHolidays = Phrase("wheel.holidays")
    static let wheelCountCancelled = Phrase("wheel.count_cancelled")
    /// "avlyst", lower case.
    public static let cancelledLower = Phrase("meeting.cancelled_lower")
    /// "1 møte".
    public static let meetingCountOne = Phrase("meeting.count_one")
    /// "4 møter" / "4 møte".
    public static let meetingCount = Phrase("meeting.count")
}
