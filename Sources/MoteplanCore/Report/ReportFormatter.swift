import Foundation

/// The evaluation report as text, CSV or JSON; `ReportHTML` writes the HTML.
public enum ReportFormatter {
    /// The CSV header: one row per instance, then per structure (instance `*`), then the total.
    public static let csvHeader =
        "structure,instance,planned,held,cancelled,moved,added,upcoming,periods_required,periods_met,referat_expected,referat_on_time,referat_late,referat_missing,referat_pending,referat_median_days_late,markers_required,markers_met"

    /// 5 as "5", 3.5 as "3.5".
    static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }

    static func row(_ f: EvaluationReport.Figures) -> [String] {
        let median = number(f.referatMedianDaysLate)
        return [
            f.structure, f.instance, "\(f.planned)", "\(f.held)", "\(f.cancelled)", "\(f.moved)", "\(f.added)",
            "\(f.upcoming)", "\(f.periodsRequired)", "\(f.periodsMet)", "\(f.referatExpected)", "\(f.referatOnTime)",
            "\(f.referatLate)", "\(f.referatMissing)", "\(f.referatPending)", median, "\(f.markersRequired)",
            "\(f.markersMet)",
        ]
    }

    /// CSV for spreadsheets.
    public static func csv(_ report: EvaluationReport) -> String {
        CSV.document(header: csvHeader, rows: (report.instances + report.structures + [report.total]).map(row))
    }

    /// JSON with every figure, the details and the attention list; keys sorted.
    public static func json(_ report: EvaluationReport) throws -> String {
        struct Document: Encodable {
            var period: String
            var now: String
            var instances: [EvaluationReport.Figures]
            var structures: [EvaluationReport.Figures]
            var total: EvaluationReport.Figures
            var cancellations: [EvaluationReport.Cancellation]
            var missedPeriods: [EvaluationReport.MissedPeriod]
            var markers: [EvaluationReport.MarkerCheck]
            var leaders: [EvaluationReport.LeaderTerm]
            var attention: [String]
            var conflicts: [EvaluationReport.ConflictEntry]
        }
        let document = Document(
            period: report.period.description, now: report.now.description, instances: report.instances,
            structures: report.structures, total: report.total, cancellations: report.cancellations,
            missedPeriods: report.missed, markers: report.markers, leaders: report.leaders, attention: report.attention,
            conflicts: report.conflicts)
        return try JSONOutput.encode(document)
    }

    /// A plain-text summary in the plan's language.
    public static func text(_ report: EvaluationReport, configuration: Configuration) -> String {
        let c = configuration.catalogue
        var text = c(.reportTextTitle, ["from": c.long(report.period.first), "to": c.long(report.period.last)]) + "\n"
        text += c(.reportTextAsOf, ["now": c.long(report.now.date)]) + "\n\n"
        var rows = [Array(c.list("report_page.structure_columns").prefix(11)).map { $0.lowercased() }]
        for f in report.structures + [report.total] {
            let name = f.structure == "*" ? c(.reportWholeMunicipality) : (configuration.structure(f.structure)?.title ?? f.structure)
            rows.append([
                name, "\(f.planned)", "\(f.held)", "\(f.cancelled)", "\(f.moved)", "\(f.added)", "\(f.upcoming)",
                "\(f.periodsMet)/\(f.periodsRequired)", "\(f.referatOnTime)/\(f.referatExpected)", "\(f.referatLate)",
                "\(f.referatMissing)",
            ])
        }
        text += TextTable(rows: rows, rightAligned: Set(1..<11)).render() + "\n"
        if !report.leaders.isEmpty {
            text += c(.reportLeaders) + ":\n"
            for term in report.leaders { text += "- \(term.group) \(term.term): \(term.leader)\n" }
            text += "\n"
        }
        text += report.attention.isEmpty ? c(.reportNothingToFollowUp) + "\n" : c(.reportAttention) + ":\n"
        for line in report.attention { text += "- \(line)\n" }
        return text
    }
}

extension Phrase {
    static let reportTextTitle = Phrase("report_page.text_title")
    static let reportTextAsOf = Phrase("report_page.text_as_of")
}
