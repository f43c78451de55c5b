/// Puts markers on meetings: the first (or last) N held meetings of each half-year or school
/// year of an instance, or the meetings on the marker's explicit dates. Cancelled meetings carry
/// no marker: theirs goes to the instance's next meeting in the same period, with a note when
/// there is none. Meetings added by hand are not counted for the default choice.
struct MarkerAssigner {
    let configuration: Configuration

    /// A marker period containing a date: a half-year, or a school year.
    struct Period: Hashable, Comparable {
        var year: Int
        var part: Int

        init(_ period: MarkerPeriod, containing date: LocalDate) {
            switch period {
            case .halfYear:
                let half = HalfYear(containing: date)
                self.init(year: half.year, part: half.half)
            case .schoolYear:
                self.init(year: SchoolYear.startYear(containing: date), part: 0)
            }
        }

        init(year: Int, part: Int) {
            self.year = year
            self.part = part
        }

        func range(_ period: MarkerPeriod) -> DateRange {
            switch period {
            case .halfYear:
                let first = LocalDate(year: year, month: part == 1 ? 1 : 7, day: 1) ?? LocalDate(daysSinceEpoch: 0)
                return HalfYear(containing: first).range
            case .schoolYear:
                return SchoolYear.span(startYear: year)
            }
        }

        static func < (a: Period, b: Period) -> Bool { (a.year, a.part) < (b.year, b.part) }
    }

    func assign(_ structure: Structure, _ instance: StructureInstance, _ meetings: inout [Meeting]) -> [ScheduleNote] {
        var notes: [ScheduleNote] = []
        let horizon = configuration.municipality.horizon
        for marker in structure.markers {
            let guests = marker.guests.compactMap { configuration.actor($0) }
            var meetingMarker = MeetingMarker(id: marker.id, text: marker.text, guests: guests)
            meetingMarker.guestIDs = marker.guests
            let held = meetings.indices.filter { !meetings[$0].isCancelled }
            var marked = Set<LocalDate>()
            if !marker.dates.isEmpty {
                for date in marker.dates where horizon.contains(date) {
                    if held.contains(where: { meetings[$0].date == date }) {
                        marked.insert(date)
                        continue
                    }
                    let wasCancelled = meetings.contains { $0.isCancelled && $0.date == date }
                    // A cancelled meeting's marker moves to the next meeting in the same period.
                    let period = Period(marker.period, containing: date)
                    let next = held.map { meetings[$0].date }.filter { $0 > date && Period(marker.period, containing: $0) == period }.min()
                    if wasCancelled, let next {
                        marked.insert(next)
                    } else {
                        notes.append(ScheduleNote(instance: instance, kind: .markerDateUnused(markerID: marker.id, date: date)))
                    }
                }
            } else {
                var byPeriod: [Period: [LocalDate]] = [:]
                for date in Set(held.filter { !meetings[$0].isAdded }.map { meetings[$0].date }).sorted() {
                    byPeriod[Period(marker.period, containing: date), default: []].append(date)
                }
                for (_, days) in byPeriod {
                    marked.formUnion(marker.fromEnd ? days.suffix(marker.count) : days.prefix(marker.count))
                }
                notes += shortPeriods(marker, instance, byPeriod, cancelled: meetings.filter(\.isCancelled))
            }
            for index in held where marked.contains(meetings[index].date) {
                meetings[index].markers.append(meetingMarker)
            }
        }
        return notes
    }

    /// Notes for whole periods inside the horizon with fewer held meetings than the marker needs.
    private func shortPeriods(
        _ marker: Marker, _ instance: StructureInstance, _ byPeriod: [Period: [LocalDate]], cancelled: [Meeting]
    ) -> [ScheduleNote] {
        let horizon = configuration.municipality.horizon
        var notes: [ScheduleNote] = []
        var period = Period(marker.period, containing: horizon.first)
        while period.range(marker.period).first <= horizon.last {
            let range = period.range(marker.period)
            let found = byPeriod[period]?.count ?? 0
            let whole = horizon.contains(range.first) && horizon.contains(range.last)
            let lostToCancellation = cancelled.contains { range.contains($0.date) }
            if (whole || lostToCancellation) && found < marker.count {
                notes.append(ScheduleNote(
                    instance: instance,
                    kind: .markerShort(
                        markerID: marker.id, period: range, found: found, needed: marker.count)))
            }
            period = Period(marker.period, containing: range.last.adding(days: 1))
        }
        return notes
    }
}
