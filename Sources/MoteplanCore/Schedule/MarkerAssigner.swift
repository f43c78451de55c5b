/// Puts half-yearly markers on meetings: the first N meetings of each half-year of an
/// instance, or the meetings on the marker's explicit dates.
struct MarkerAssigner {
    let configuration: Configuration

    func assign(_ structure: Structure, _ instance: StructureInstance, _ meetings: inout [Meeting]) -> [ScheduleNote] {
        var notes: [ScheduleNote] = []
        let horizon = configuration.municipality.horizon
        for marker in structure.markers {
            let guests = marker.guests.compactMap { configuration.actor($0) }
            let meetingMarker = MeetingMarker(id: marker.id, text: marker.text, guests: guests)
            if !marker.dates.isEmpty {
                for date in marker.dates where horizon.contains(date) {
                    let hits = meetings.indices.filter { meetings[$0].date == date }
                    if hits.isEmpty {
                        notes.append(ScheduleNote(instance: instance, kind: .markerDateUnused(markerID: marker.id, date: date)))
                    }
                    for index in hits { meetings[index].markers.append(meetingMarker) }
                }
                continue
            }
            // Meetings of a day share their slots' marker: count meeting days, not slots.
            var byHalf: [HalfYear: [LocalDate]] = [:]
            for date in Set(meetings.map(\.date)).sorted() {
                byHalf[HalfYear(containing: date), default: []].append(date)
            }
            var marked = Set<LocalDate>()
            for (_, days) in byHalf { marked.formUnion(days.prefix(marker.perHalfYear)) }
            for index in meetings.indices where marked.contains(meetings[index].date) {
                meetings[index].markers.append(meetingMarker)
            }
            var half = HalfYear(containing: horizon.first)
            while half.range.first <= horizon.last {
                let found = byHalf[half]?.count ?? 0
                let whole = horizon.contains(half.range.first) && horizon.contains(half.range.last)
                if whole && found < marker.perHalfYear {
                    notes.append(ScheduleNote(
                        instance: instance,
                        kind: .markerShort(markerID: marker.id, halfYear: half, found: found, needed: marker.perHalfYear)))
                }
                half = HalfYear(containing: half.range.last.adding(days: 1))
            }
        }
        return notes
    }
}
