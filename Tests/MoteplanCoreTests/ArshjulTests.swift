import MoteplanCore
import Testing

/// The årshjul SVG: twelve months from August, a ring per structure, a mark per meeting, shaded
/// holidays, a Norwegian legend, and the same bytes every time.
struct ArshjulTests {
    static func melhus() throws -> (Configuration, Schedule) {
        let configuration = try Fixtures.load(Fixtures.melhusText).configuration
        return (configuration, Scheduler(configuration: configuration).schedule())
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func monthsStartInAugustClockwise() throws {
        let (configuration, schedule) = try Self.melhus()
        let svg = ArshjulSVG.render(configuration: configuration, schedule: schedule, startYear: 2026)
        let months = ["August", "September", "Oktober", "November", "Desember", "Januar", "Februar", "Mars", "April", "Mai", "Juni", "Juli"]
        var position = svg.startIndex
        for month in months {
            let found = try #require(svg.range(of: ">\(month)</text>", range: position..<svg.endIndex), "\(month) out of order")
            position = found.upperBound
        }
        #expect(Self.count("<path d=", in: svg.components(separatedBy: "<g id=\"skoleferie\"")[0]) == 12)
        // August's sector begins at the top (12 o'clock) of the outer circle.
        #expect(svg.contains("<path d=\"M480.0 80.0 A400.0 400.0 0 0 1 680.0 133.6"))
    }

    @Test func aRingPerStructureAndAMarkPerMeeting() throws {
        let (configuration, schedule) = try Self.melhus()
        let svg = ArshjulSVG.render(configuration: configuration, schedule: schedule, startYear: 2026)
        let year = SchoolYear.span(startYear: 2026)
        for structure in configuration.structures {
            #expect(svg.contains("<g id=\"ring-\(structure.id)\""))
            let ring = svg.components(separatedBy: "<g id=\"ring-\(structure.id)\"")[1].components(separatedBy: "</g>")[0]
            let meetings = schedule.meetings.filter { $0.instance.structureID == structure.id && year.contains($0.date) }
            // One outline circle plus one mark per meeting.
            #expect(Self.count("<circle", in: ring) == meetings.count + 1, "\(structure.id)")
            #expect(svg.contains("\(structure.title) (\(meetings.count) møte"))
        }
    }

    @Test func holidaysAreShadedAndListed() throws {
        let (configuration, schedule) = try Self.melhus()
        let svg = ArshjulSVG.render(configuration: configuration, schedule: schedule, startYear: 2026)
        let shading = svg.components(separatedBy: "<g id=\"skoleferie\"")[1].components(separatedBy: "</g>")[0]
        let year = try #require(configuration.calendar.schoolYears.first { $0.startYear == 2026 })
        // The configured holidays plus the summer before the first and after the last school day.
        #expect(Self.count("<path", in: shading) == year.holidays.count + 2)
        for holiday in year.holidays { #expect(shading.contains("<title>\(holiday.name):")) }
        #expect(svg.contains(">Skoleferie</text>"))
        #expect(svg.contains("Forklaring"))
        #expect(svg.contains("Avlyst møte"))
    }

    @Test func sameInputSameBytesAndAFilter() throws {
        let (configuration, schedule) = try Self.melhus()
        let a = ArshjulSVG.render(configuration: configuration, schedule: schedule, startYear: 2026)
        let b = ArshjulSVG.render(configuration: configuration, schedule: schedule, startYear: 2026)
        #expect(a == b)
        let only = ArshjulSVG.render(configuration: configuration, schedule: schedule, startYear: 2026, only: ["nettverk"])
        #expect(only.contains("<g id=\"ring-nettverk\""))
        #expect(!only.contains("<g id=\"ring-lokalt-team\""))
        #expect(ArshjulSVG.render(configuration: configuration, schedule: schedule, startYear: 2027) != a)
    }

    @Test func textIsEscaped() {
        #expect(Markup.escape("A & B <c> \"d\" 'e'") == "A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;")
        #expect(Markup.number(12.34) == "12.3")
        #expect(Markup.number(-0.04) == "0.0")
        #expect(Markup.number(-2.56) == "-2.6")
        #expect(Markup.number(133.6) == "133.6")
    }
}
