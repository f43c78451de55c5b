/// The evaluation report as one self-contained, printable HTML file in the plan's language, with inline
/// SVG charts drawn here (no scripts, no external resources).
public enum ReportHTML {
    /// The report's own rules, after the shared ones: printable on A4 landscape.
    static let style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em .5em; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        .merk { background: #fff3cd; padding: 0.6em 1em; border-left: 4px solid #c98a0b; }
        figure { margin: 1.5em 0; }
        @page { size: A4 landscape; margin: 12mm; }
        @media print { body { margin: 0; } figure, table { page-break-inside: avoid; } }
        """

    /// The page. `wheel` is an årshjul SVG of what actually happened, if there is one, with
    /// `wheelTable`, the same meetings as a table (ArshjulText), shown under it.
    public static func render(
        _ report: EvaluationReport, configuration: Configuration, wheel: String?, wheelTable: String? = nil
    ) -> String {
        let c = configuration.catalogue
        let title = c(.reportTitle, ["municipality": configuration.municipality.name])
        var html = PageHead.render(language: c.code, title: title, style: style) + """
            <body>
            <h1>\(Markup.escape(title))</h1>
            <p>\(Markup.escape(c(.reportPeriod, ["from": c.long(report.period.first), "to": c.long(report.period.last), "now": c.long(report.now.date)])))</p>

            """
        html += "<h2>\(c(.reportAttention))</h2>\n<div class=\"merk\">"
        html += report.attention.isEmpty ? "<p>\(c(.reportNothingToFollowUp))</p>" : "<ul>" + report.attention.map { "<li>\(Markup.escape($0))</li>" }.joined() + "</ul>"
        html += "</div>\n"
        html += "<h2>\(c(.reportDoubleBookingsHeading))</h2>\n"
        if report.conflicts.isEmpty {
            html += "<p>\(c(.reportNoDoubleBookings))</p>\n"
        } else {
            html += "<p>\(c(.reportTimesInPeriod, ["count": String(report.conflicts.count)]))</p>\n<table>\n<tr>"
                + [c(.reportWhoWhat), c(.reportFrom), c(.reportTo), c(.reportCapacity), c(.reportNeededBy)].map { "<th>\($0)</th>" }.joined()
                + "</tr>\n"
            for c in report.conflicts {
                html += "<tr><td>\(Markup.escape(c.resource))</td><td>\(c.start)</td><td>\(c.end)</td><td>\(c.capacity)</td><td>\(c.needed)</td></tr>\n"
            }
            html += "</table>\n"
        }
        html += "<h2>\(c(.reportMeetingsPerStructure))</h2>\n<table>\n<tr>"
            + c.list("report_page.structure_columns").map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr>\n"
        for f in report.structures + [report.total] {
            let name = f.structure == "*" ? c(.reportWholeMunicipality) : (configuration.structure(f.structure)?.title ?? f.structure)
            html += "<tr><td>\(Markup.escape(name))</td><td>\(f.planned)</td><td>\(f.held)</td><td>\(f.cancelled)</td><td>\(f.moved)</td><td>\(f.added)</td><td>\(f.upcoming)</td><td>\(f.periodsMet)/\(f.periodsRequired)</td><td>\(f.referatOnTime)/\(f.referatExpected)</td><td>\(f.referatLate)</td><td>\(f.referatMissing)</td><td>\(ReportFormatter.number(f.referatMedianDaysLate))</td></tr>\n"
        }
        html += "</table>\n"
        html += "<figure><figcaption>\(c(.reportMeetingChart))</figcaption>\n"
        html += meetingChart(report, configuration: configuration) + "</figure>\n"
        html += ChartTable.render(
            caption: c(.reportMeetingChartTable), labels: meetingLabels(report, configuration: configuration),
            series: c.list("report_page.meeting_series"), values: report.structures.map { [$0.planned, $0.held, $0.cancelled] },
            catalogue: c)
        let networks = report.instances.filter { $0.referatExpected > 0 }
        if !networks.isEmpty {
            html += "<figure><figcaption>\(c(.reportReferatChart))</figcaption>\n" + referatChart(networks, configuration: configuration) + "</figure>\n"
            html += ChartTable.render(
                caption: c(.reportReferatChartTable), labels: referatLabels(networks, configuration: configuration),
                series: c.list("report_page.referat_series"),
                values: networks.map { [$0.referatOnTime, $0.referatLate, $0.referatMissing] }, catalogue: c)
        }
        if !report.markers.isEmpty {
            html += "<h2>\(c(.reportMarkers))</h2>\n<table>\n<tr>"
                + c.list("report_page.marker_columns").map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr>\n"
            for check in report.markers {
                let marker = configuration.structure(check.structure)?.markers.first { $0.id == check.marker }?.text ?? check.marker
                html += "<tr><td>\(Markup.escape(check.structure))/\(Markup.escape(check.instance))</td><td>\(Markup.escape(marker))</td><td>\(Markup.escape(check.period))</td><td>\(check.required)</td><td>\(Markup.escape(check.meetings.joined(separator: ", ")))</td><td>\(c(check.met ? .yes : .no))</td></tr>\n"
            }
            html += "</table>\n"
        }
        if !report.cancellations.isEmpty {
            html += "<h2>\(c(.reportCancelledMeetings))</h2>\n<ul>\n"
            for c in report.cancellations {
                html += "<li>\(Markup.escape(c.structure))/\(Markup.escape(c.instance)) \(Markup.escape(c.meeting))\(c.reason.isEmpty ? "" : ": " + Markup.escape(c.reason))</li>\n"
            }
            html += "</ul>\n"
        }
        if !report.leaders.isEmpty {
            html += "<h2>\(c(.reportLeaders))</h2>\n<ul>\n"
            for term in report.leaders { html += "<li>\(Markup.escape(term.group)) \(Markup.escape(term.term)): \(Markup.escape(term.leader))</li>\n" }
            html += "</ul>\n"
        }
        if let wheel {
            html += "<h2>\(c(.reportWheel))</h2>\n<figure>\n" + inline(wheel) + "</figure>\n"
            if let wheelTable { html += wheelTable }
        }
        html += "</body>\n</html>\n"
        return AccessibleMarkup.scrollableTables(html, catalogue: c)
    }

    /// An SVG file's root element, without the XML declaration, for inlining.
    static func inline(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    /// Grouped bars: planned, held, cancelled per structure.
    static func meetingChart(_ report: EvaluationReport, configuration: Configuration) -> String {
        let c = configuration.catalogue
        let series = Array(zip(c.list("report_page.meeting_series"), ["#9dbfdc", "#2e8b57", "#d1495b"]))
        let values = report.structures.map { [$0.planned, $0.held, $0.cancelled] }
        return bars(labels: meetingLabels(report, configuration: configuration), values: values, series: series, stacked: false,
                    id: "diagram-moter", title: c(.reportMeetingChart), description: c(.reportBarDescription))
    }

    static func meetingLabels(_ report: EvaluationReport, configuration: Configuration) -> [String] {
        report.structures.map { configuration.structure($0.structure)?.title ?? $0.structure }
    }

    /// Stacked bars: referat on time, late and missing per instance.
    static func referatChart(_ instances: [EvaluationReport.Figures], configuration: Configuration) -> String {
        let c = configuration.catalogue
        let series = Array(zip(c.list("report_page.referat_series"), ["#2e8b57", "#c98a0b", "#d1495b"]))
        let values = instances.map { [$0.referatOnTime, $0.referatLate, $0.referatMissing] }
        return bars(labels: referatLabels(instances, configuration: configuration), values: values, series: series, stacked: true,
                    id: "diagram-referat", title: c(.reportReferatChart), description: c(.reportBarDescription))
    }

    static func referatLabels(_ instances: [EvaluationReport.Figures], configuration: Configuration) -> [String] {
        instances.map { configuration.group($0.instance)?.name ?? configuration.unit($0.instance)?.name ?? $0.instance }
    }

    /// A bar chart with a legend; labels under the bars.
    /// The SVG is an image (role="img") named by its `<title>`, with a `<desc>` pointing to the table
    /// under it that gives the same numbers in text; each bar is also labelled with its number.
    static func bars(
        labels: [String], values: [[Int]], series: [(String, String)], stacked: Bool, id: String, title: String, description: String
    ) -> String {
        let groupWidth = 170.0
        let width = max(400.0, 60 + groupWidth * Double(labels.count))
        let height = 300.0
        let top = 40.0
        let bottom = 230.0
        let maximum = Double(max(1, values.map { stacked ? $0.reduce(0, +) : ($0.max() ?? 0) }.max() ?? 1))
        func y(_ value: Double) -> Double { bottom - (bottom - top) * value / maximum }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\" role=\"img\" aria-labelledby=\"\(id)-tittel \(id)-beskrivelse\">\n"
        svg += "<title id=\"\(id)-tittel\">\(Markup.escape(title))</title>\n"
        svg += "<desc id=\"\(id)-beskrivelse\">\(Markup.escape(description))</desc>\n"
        svg += "<line x1=\"50\" y1=\"\(bottom)\" x2=\"\(width - 10)\" y2=\"\(bottom)\" stroke=\"#333\"/>\n"
        svg += "<text x=\"45\" y=\"\(top + 4)\" text-anchor=\"end\">\(Int(maximum))</text><text x=\"45\" y=\"\(bottom)\" text-anchor=\"end\">0</text>\n"
        for (index, label) in labels.enumerated() {
            let x0 = 60 + groupWidth * Double(index)
            var base = 0.0
            for (s, value) in values[index].enumerated() {
                let v = Double(value)
                let (x, w, y0, y1): (Double, Double, Double, Double) = stacked
                    ? (x0 + 20, 60, y(base + v), y(base))
                    : (x0 + 10 + 30 * Double(s), 26, y(v), bottom)
                svg += "<rect x=\"\(x)\" y=\"\(y0)\" width=\"\(w)\" height=\"\(max(0, y1 - y0))\" fill=\"\(series[s].1)\"><title>\(Markup.escape(label)): \(Markup.escape(series[s].0)) \(value)</title></rect>\n"
                if !stacked || v > 0 {
                    svg += "<text x=\"\(x + w / 2)\" y=\"\(stacked ? (y0 + y1) / 2 + 4 : y0 - 3)\" text-anchor=\"middle\">\(value)</text>\n"
                }
                base += v
            }
            let short = label.count > 22 ? String(label.prefix(21)) + "…" : label
            svg += "<text x=\"\(x0 + groupWidth / 2)\" y=\"\(bottom + 16)\" text-anchor=\"middle\">\(Markup.escape(short))</text>\n"
        }
        for (s, entry) in series.enumerated() {
            let x = 60 + 110 * Double(s)
            svg += "<rect x=\"\(x)\" y=\"10\" width=\"12\" height=\"12\" fill=\"\(entry.1)\"/><text x=\"\(x + 16)\" y=\"20\">\(Markup.escape(entry.0))</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }
}

extension Phrase {
    static let reportTitle = Phrase("report_page.title")
    static let reportPeriod = Phrase("report_page.period")
    static let reportAttention = Phrase("report_page.attention")
    static let reportNothingToFollowUp = Phrase("report_page.nothing_to_follow_up")
    static let reportDoubleBookingsHeading = Phrase("report_page.double_bookings")
    static let reportNoDoubleBookings = Phrase("report_page.no_double_bookings")
    static let reportTimesInPeriod = Phrase("report_page.times_in_period")
    static let reportWhoWhat = Phrase("report_page.who_what")
    static let reportFrom = Phrase("report_page.from")
    static let reportTo = Phrase("report_page.to")
    static let reportCapacity = Phrase("report_page.capacity")
    static let reportNeededBy = Phrase("report_page.needed_by")
    static let reportMeetingsPerStructure = Phrase("report_page.meetings_per_structure")
    static let reportWholeMunicipality = Phrase("report_page.whole_municipality")
    static let reportMeetingChart = Phrase("report_page.meeting_chart")
    static let reportMeetingChartTable = Phrase("report_page.meeting_chart_table")
    static let reportReferatChart = Phrase("report_page.referat_chart")
    static let reportReferatChartTable = Phrase("report_page.referat_chart_table")
    static let reportBarDescription = Phrase("report_page.bar_description")
    static let reportMarkers = Phrase("report_page.markers")
    static let reportCancelledMeetings = Phrase("report_page.cancelled_meetings")
    static let reportLeaders = Phrase("report_page.leaders")
    static let reportWheel = Phrase("report_page.wheel")
    /// "ja".
    public static let yes = Phrase("word.yes")
    /// "nei".
    public static let no = Phrase("word.no")
}
