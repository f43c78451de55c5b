import MoteplanCore
import MoteplanSolver

/// Turns the solver's minimal set of clashing rules into lines a rådgiver can act on: which people
/// or rooms, how many meetings they must take, how many non-overlapping options the choices leave
/// them, and one to three ways out.
struct InfeasibilityExplainer {
    let builder: PlacementProblemBuilder
    let problem: PlacementProblem
    let placed: [PlacedInstance]
    let schoolYear: Int

    var configuration: Configuration { builder.configuration }

    func explain(core: [String]) -> [String] {
        let label = SchoolYear.label(startYear: schoolYear)
        var lines = ["no placement for \(label) keeps every hard rule; these cannot all hold:"]
        let index = Dictionary(uniqueKeysWithValues: problem.instances.enumerated().map { ($0.element.id, $0.offset) })
        let chosen = core.filter { $0.hasPrefix("choose:") }.compactMap { index[String($0.dropFirst(7))] }
        let involved = chosen.isEmpty ? Array(problem.instances.indices) : chosen
        var ways: [String] = []
        for group in core {
            let (kind, id) = split(group)
            switch kind {
            case "capacity":
                lines += capacity(id, involved)
                ways += capacityWays(id, involved)
            case "unavailable":
                let names = involved.filter { uses($0, id) }.map { problem.instances[$0].id }
                lines.append("  - \(name(id)) is unavailable at every choice of \(list(names)).")
                ways.append("add a start time or weekday outside \(name(id))'s unavailable time to the choices of \(structures(involved))")
            case "pinned":
                if let i = index[id], let pinned = problem.instances[i].pinned {
                    lines.append("  - \(id) is recorded at \(problem.instances[i].choices[pinned].id) for \(label) (a placement once made stays).")
                }
                ways.append("let the recorded placements move: moteplan place --replan --school-year \(label) (then --apply)")
            case "choose":
                if let i = index[id], problem.instances[i].choices.isEmpty {
                    lines.append("  - \(id) has no choice at all.")
                }
            default:
                lines.append("  - \(group)")
            }
        }
        if core.isEmpty { lines.append("  (the solver ran out of budget before it could say which rules clash)") }
        var seen = Set<String>()
        let unique = ways.filter { seen.insert($0).inserted }.prefix(3)
        if !unique.isEmpty {
            lines.append("Ways out:")
            lines += unique.map { "  - \($0)" }
        }
        return lines
    }

    private func split(_ group: String) -> (String, String) {
        guard let colon = group.firstIndex(of: ":") else { return (group, "") }
        return (String(group[..<colon]), String(group[group.index(after: colon)...]))
    }

    private func uses(_ instance: Int, _ resource: String) -> Bool {
        problem.instances[instance].choices.contains { $0.occurrences.contains { $0.resources.contains(resource) } }
    }

    /// "ppt (PPT) takes 1 meeting at a time, with 30 minutes between; 4 series need it: …; their
    /// choices leave 3 non-overlapping times a month, room for 3 series."
    private func capacity(_ id: String, _ involved: [Int]) -> [String] {
        guard let resource = problem.resources.first(where: { $0.id == id }) else { return ["  - \(id) is over its capacity."] }
        let needing = involved.filter { uses($0, id) }
        let fixed = problem.fixed.filter { $0.resources.contains(id) }.count
        let perMonth = needing.first.map { problem.instances[$0].choices.first?.occurrences.count ?? 0 } ?? 0
        let options = nonOverlapping(needing, buffer: resource.bufferMinutes)
        var line = "  - \(name(id)) takes \(resource.capacity) meeting\(resource.capacity == 1 ? "" : "s") at a time"
        if resource.bufferMinutes > 0 { line += ", with \(resource.bufferMinutes) minutes between" }
        line += "; \(needing.count) series need it (\(list(needing.map { problem.instances[$0].id })))"
        if needing.isEmpty {
            return ["  - \(name(id)) takes \(resource.capacity) meeting\(resource.capacity == 1 ? "" : "s") at a time, but its \(fixed) fixed meetings alone need more at some moment."]
        }
        if perMonth > 0 { line += ", about \(perMonth) meetings each this school year" }
        if fixed > 0 { line += ", besides \(fixed) fixed meetings" }
        line += "; their choices leave \(options) non-overlapping time\(options == 1 ? "" : "s"), room for at most \(options * resource.capacity) series."
        return [line]
    }

    /// Distinct day patterns (weekday and weeks), and on each the most choices that fit after one
    /// another with the buffer: how many series at most could meet without overlap.
    private func nonOverlapping(_ instances: [Int], buffer: Int) -> Int {
        var byDay: [String: Set<[Int]>] = [:]
        for i in instances {
            for choice in placed[i].choices {
                guard let slot = choice.slots.first else { continue }
                let day = "\(choice.nth.map(\.description) ?? "")\(choice.weekday.map(configuration.catalogue.weekday) ?? "")"
                byDay[day, default: []].insert([slot.start.minutesSinceMidnight, slot.end.minutesSinceMidnight + buffer])
            }
        }
        var total = 0
        for intervals in byDay.values {
            var end = Int.min
            for interval in intervals.sorted(by: { ($0[1], $0[0]) < ($1[1], $1[0]) }) where interval[0] >= end {
                total += 1
                end = interval[1]
            }
        }
        return total
    }

    private func capacityWays(_ id: String, _ involved: [Int]) -> [String] {
        var ways: [String] = []
        let needing = involved.filter { uses($0, id) }
        guard !needing.isEmpty else {
            // The fixed meetings alone need more than it can take.
            return [
                "move the fixed meetings that need \(name(id)) apart (moteplan conflicts --resource \(id) lists them)",
                "let \(name(id)) take more meetings at once: raise capacity on \"\(id)\"",
            ]
        }
        let weekdays = Set(needing.flatMap { placed[$0].choices.compactMap(\.weekday) })
        ways.append("add a start time to the choices of \(structures(needing)), e.g. start = [..., \"14:30\"]")
        if let resource = problem.resources.first(where: { $0.id == id }) {
            let more = resource.capacity + 1
            ways.append("let \(name(id)) take \(more) meetings at once: capacity = \(more) on \"\(id)\"")
        }
        if let free = [Weekday.monday, .tuesday, .wednesday, .thursday, .friday].first(where: { !weekdays.contains($0) }) {
            ways.append("allow \(free.english)s: add \"\(configuration.catalogue.weekday(free))\" to weekday in the cadence of \(structures(needing))")
        }
        return ways
    }

    private func structures(_ instances: [Int]) -> String {
        var seen = Set<String>()
        let ids = instances.map { placed[$0].instance.structureID }.filter { seen.insert($0).inserted }
        return list(ids.map { "\"\($0)\"" })
    }

    private func name(_ id: String) -> String {
        if let unit = configuration.unit(id) { return "\(unit.name) (\(id))" }
        if let role = configuration.role(id) { return "\(role.name) (\(id))" }
        if let location = configuration.location(id) { return "\(location.name) (\(id))" }
        return id
    }

    private func list(_ items: [String]) -> String {
        items.count <= 6 ? items.joined(separator: ", ") : items.prefix(5).joined(separator: ", ") + " and \(items.count - 5) more"
    }
}
