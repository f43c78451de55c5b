extension ConfigReader {
    static let reminderKeys = [
        "from", "fallback", "templates", "innkalling_lead_days", "referat_due_days", "referat_overdue_every_days",
        "referat_overdue_max", "invitation_days_before", "delivery_timeout_seconds", "lock_wait_seconds",
    ]

    /// `[reminders]`.
    func readReminders(_ table: TableReader) -> ReminderSettings {
        table.rejectUnknownKeys(Self.reminderKeys)
        var settings = ReminderSettings()
        if let from = table.text("from") {
            if Self.mailbox(from) == nil {
                diagnostics.error(
                    table.path.appending("from"),
                    "\"\(from)\" is not an e-mail address; write \"navn@kommune.no\" or \"Navn <navn@kommune.no>\".")
            } else {
                settings.from = from
            }
        }
        settings.fallback = email(table, "fallback")
        if let folder = table.text("templates") { settings.templates = folder }
        func days(_ key: String, _ range: ClosedRange<Int>, _ value: inout Int) {
            let number = table.int(key, default: value, in: range)
            if number.valid { value = number.value }
        }
        days("innkalling_lead_days", 0...60, &settings.innkallingLeadDays)
        days("referat_due_days", 0...60, &settings.referatDueDays)
        days("referat_overdue_every_days", 1...60, &settings.referatOverdueEveryDays)
        days("referat_overdue_max", 0...20, &settings.referatOverdueMax)
        days("invitation_days_before", 0...90, &settings.invitationDaysBefore)
        days("delivery_timeout_seconds", 1...3600, &settings.deliveryTimeoutSeconds)
        days("lock_wait_seconds", 0...86_400, &settings.lockWaitSeconds)
        return settings
    }

    /// The address in "addr" or "Name <addr>", if it is plausible.
    static func mailbox(_ text: String) -> String? {
        if let open = text.lastIndex(of: "<"), text.hasSuffix(">") {
            let address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            return isPlausibleEmail(address) ? address : nil
        }
        return isPlausibleEmail(text) ? text : nil
    }
}
