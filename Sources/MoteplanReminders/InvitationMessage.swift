import Foundation
import MoteplanCore
import MoteplanICal

/// An invitation as Outlook and Gmail expect it (RFC 6047): `multipart/alternative` with a
/// `text/plain` part in the plan's language and a `text/calendar; method=…` part whose method equals the
/// object's METHOD. From is the configured sender (the system that sends on the leader's behalf);
/// Reply-To is the leader, so a written answer reaches a person; calendar replies go to ORGANIZER.
struct InvitationMessage {
    /// The configured From: `addr` or `Name <addr>`.
    var from: String
    /// The invitation.
    var invitation: Invitation
    /// The iCalendar text (METHOD and one VEVENT).
    var calendar: String
    /// The Date header value.
    var date: String
    /// The Message-ID, with angle brackets.
    var messageID: String
    /// Whether this is a repeated delivery after an interrupted run.
    var resend: Bool
    /// The plan's language.
    var catalogue: Catalogue

    /// Subject and plain text, in the plan's language.
    var text: (subject: String, body: String) {
        let hello = catalogue(.mailGreeting) + "\n\n"
        // A meeting that left the plan has none: what the outbox knows of it.
        func leftPlan() -> (subject: String, body: String) {
            let start = invitation.start
            let values = ["title": invitation.title, "date": catalogue.withWeekday(start.date), "start": "\(start.time)"]
            return (catalogue(.invitationLeftPlanSubject, ["title": invitation.title, "date": catalogue.long(start.date)]),
                hello + catalogue(.invitationLeftPlan, values) + "\n\n" + catalogue(.invitationRemovedCalendar) + "\n")
        }
        guard let meeting = invitation.meeting else { return leftPlan() }
        let when = catalogue(.mailWhen, ["date": catalogue.withWeekday(meeting.date), "start": "\(meeting.start)", "end": "\(meeting.end)"])
        let place = meeting.location.map { ", \($0)" } ?? ""
        let leader = meeting.leader.map { catalogue(.mailLeader, ["name": LeaderName.display($0)]) + "\n" } ?? ""
        let heading = ["title": meeting.title, "date": catalogue.long(meeting.date)]
        let values = ["title": meeting.title, "when": when, "place": place]
        switch invitation.change {
        case .new:
            return (catalogue(.invitationNewSubject, heading),
                hello + catalogue(.invitationNew, values) + "\n\(leader)\n" + catalogue(.invitationNewAnswer) + "\n")
        case .updated:
            return (catalogue(.invitationUpdatedSubject, heading),
                hello + catalogue(.invitationUpdated, values) + "\n\(leader)\n" + catalogue(.invitationUpdatedCalendar) + "\n")
        case .cancelled:
            let reason = meeting.cancelled.map { $0.isEmpty ? "" : catalogue(.invitationCancelledReason, ["reason": $0]) } ?? ""
            return (catalogue(.invitationCancelledSubject, heading),
                hello + catalogue(.invitationCancelled, values) + reason + "\n\n" + catalogue(.invitationRemovedCalendar) + "\n")
        case .withdrawn:
            return (catalogue(.invitationWithdrawnSubject, heading),
                hello + catalogue(.invitationWithdrawn, values) + "\n\n" + catalogue(.invitationRemovedCalendar) + "\n")
        case .leftPlan:
            return leftPlan()
        }
    }

    /// The whole message with CRLF line endings.
    func render() -> String {
        let (subject, body) = text
        let method = invitation.method.rawValue
        var headers = [
            "Date: \(date)",
            "From: \(MailMessage.mailbox(from))",
            "To: \(MailMessage.mailbox(name: invitation.recipient.name, address: invitation.recipient.email))",
        ]
        if let organizer = invitation.event.organizer, !MailMessage.mailbox(from).lowercased().contains(organizer.email.lowercased()) {
            headers.append("Reply-To: \(MailMessage.mailbox(name: organizer.name, address: organizer.email))")
        }
        headers += [
            "Subject: \(MailMessage.encodedWords(subject, used: "Subject: ".count))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "X-Moteplan-Reminder: \(MailMessage.asciiOnly(invitation.id))",
        ]
        if resend { headers.append("X-Moteplan-Resend: yes") }
        let boundary = MailMessage.randomBoundary()
        headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        let plain = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        var message = headers.joined(separator: "\r\n") + "\r\n\r\n"
        message += "--\(boundary)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        message += plain + (plain.hasSuffix("\r\n") ? "" : "\r\n")
        message += "--\(boundary)\r\n"
        message += "Content-Type: text/calendar; charset=UTF-8; method=\(method)\r\n"
        message += "Content-Transfer-Encoding: base64\r\n\r\n"
        message += Data(calendar.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        message += "\r\n--\(boundary)--\r\n"
        return message
    }
}
