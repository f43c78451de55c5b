import Foundation
import MoteplanCore
import MoteplanICal

/// An invitation as Outlook and Gmail expect it (RFC 6047): `multipart/alternative` with a
/// Norwegian `text/plain` part and a `text/calendar; method=…` part whose method equals the
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

    /// Subject and plain text, in Norwegian.
    var text: (subject: String, body: String) {
        let meeting = invitation.meeting
        let when = "\(NorwegianDate.withWeekday(meeting.date)) kl. \(meeting.start)–\(meeting.end)"
        let place = meeting.location.map { ", \($0)" } ?? ""
        let leader = meeting.leader.map { "Leder: \(LeaderName.display($0)).\n" } ?? ""
        switch invitation.change {
        case .new:
            return ("Invitasjon: \(meeting.title), \(NorwegianDate.long(meeting.date))",
                "Hei,\n\nDu er invitert til \(meeting.title), \(when)\(place).\n\(leader)\nSvar med Godta eller Avslå i kalenderen din.\n")
        case .updated:
            return ("Endret: \(meeting.title), \(NorwegianDate.long(meeting.date))",
                "Hei,\n\nMøtet \(meeting.title) er endret. Det er nå \(when)\(place).\n\(leader)\nKalenderen din oppdaterer avtalen når du åpner invitasjonen.\n")
        case .cancelled:
            let reason = meeting.cancelled.map { $0.isEmpty ? "" : " Grunn: \($0)." } ?? ""
            return ("Avlyst: \(meeting.title), \(NorwegianDate.long(meeting.date))",
                "Hei,\n\nMøtet \(meeting.title), \(when), er avlyst.\(reason)\n\nKalenderen din fjerner avtalen når du åpner meldingen.\n")
        case .withdrawn:
            return ("Ikke lenger invitert: \(meeting.title), \(NorwegianDate.long(meeting.date))",
                "Hei,\n\nDu er ikke lenger med på \(meeting.title), \(when).\n\nKalenderen din fjerner avtalen når du åpner meldingen.\n")
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
