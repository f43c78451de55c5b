extension PlacementProblem {
    /// The minutes a time may lie in: about ±2 million years, so sums of times and buffers never overflow.
    public static let timeRange = -(1 << 40)...(1 << 40)
    /// The largest capacity or buffer in minutes: Z3 takes pseudo-boolean bounds as C `int`s.
    public static let largestCapacity = 1_000_000
    /// The largest penalty or weight.
    public static let largestWeight = 1_000_000
    /// The largest cost a placement may have (every penalty, change and limit at once): Z3 takes
    /// the bound on the cost as a C `int`.
    public static let largestTotalCost = Int(Int32.max)

    /// Checks the rules of the format that JSON alone cannot: unique ids, known resources, indices in
    /// range, intervals that are not empty, no negative costs. Throws the first problem found.
    public func validate() throws(PlacementError) {
        var resourceIDs = Set<String>()
        for (r, resource) in resources.enumerated() {
            let path = "resources[\(r)] ('\(resource.id)')"
            if resource.id.isEmpty { throw .invalidProblem("resources[\(r)]", "the id is empty") }
            if !resourceIDs.insert(resource.id).inserted {
                throw .invalidProblem(path, "the id is used by an earlier resource too; ids must be unique")
            }
            try Self.check(resource.capacity, in: 0...Self.largestCapacity, at: path + ".capacity")
            try Self.check(resource.bufferMinutes, in: 0...Self.largestCapacity, at: path + ".buffer_minutes")
            for (u, interval) in resource.unavailable.enumerated() {
                try Self.check(interval.start, interval.end, at: "\(path).unavailable[\(u)]")
            }
        }
        var instanceIDs = Set<String>()
        for (i, instance) in instances.enumerated() {
            let path = "instances[\(i)] ('\(instance.id)')"
            if instance.id.isEmpty { throw .invalidProblem("instances[\(i)]", "the id is empty") }
            if !instanceIDs.insert(instance.id).inserted {
                throw .invalidProblem(path, "the id is used by an earlier instance too; ids must be unique")
            }
            let indices = 0..<instance.choices.count
            if let pinned = instance.pinned, !indices.contains(pinned) {
                throw .invalidProblem(path + ".pinned", "\(pinned) is not a choice (the instance has \(indices.count))")
            }
            if let published = instance.published, !indices.contains(published) {
                throw .invalidProblem(
                    path + ".published", "\(published) is not a choice (the instance has \(indices.count))")
            }
            try Self.check(instance.changeWeight, in: 0...Self.largestWeight, at: path + ".change_weight")
            for (c, choice) in instance.choices.enumerated() {
                let choicePath = "\(path).choices[\(c)]"
                try Self.check(choice.penalty, in: 0...Self.largestWeight, at: choicePath + ".penalty")
                for (o, occurrence) in choice.occurrences.enumerated() {
                    try check(occurrence, at: "\(choicePath).occurrences[\(o)]", known: resourceIDs)
                }
            }
        }
        for (f, occurrence) in fixed.enumerated() {
            try check(occurrence, at: "fixed[\(f)]", known: resourceIDs)
        }
        for (l, limit) in softLimits.enumerated() {
            let path = "soft_limits[\(l)] ('\(limit.name)')"
            try Self.check(limit.weight, in: 0...Self.largestWeight, at: path + ".weight")
            try Self.check(limit.atMost, in: 0...Int(Int32.max), at: path + ".at_most")
            for (m, member) in limit.members.enumerated() {
                guard instances.indices.contains(member.instance) else {
                    throw .invalidProblem(
                        "\(path).members[\(m)].instance",
                        "\(member.instance) is not an instance (the problem has \(instances.count))")
                }
                let count = instances[member.instance].choices.count
                guard (0..<count).contains(member.choice) else {
                    throw .invalidProblem(
                        "\(path).members[\(m)].choice",
                        "\(member.choice) is not a choice of '\(instances[member.instance].id)' (it has \(count))")
                }
            }
        }
        let worst = instances.reduce(0) { sum, instance in
            sum + (instance.choices.map(\.penalty).max() ?? 0) + instance.changeWeight
        } + softLimits.reduce(0) { $0 + $1.weight }
        if worst > Self.largestTotalCost {
            throw .invalidProblem(
                "the weights", "together they can cost \(worst), more than \(Self.largestTotalCost); use smaller weights")
        }
    }

    private func check(_ occurrence: Occurrence, at path: String, known: Set<String>) throws(PlacementError) {
        try Self.check(occurrence.start, occurrence.end, at: path)
        var seen = Set<String>()
        for id in occurrence.resources {
            if !known.contains(id) {
                throw .invalidProblem(path + ".resources", "'\(id)' is not the id of a resource")
            }
            if !seen.insert(id).inserted {
                throw .invalidProblem(path + ".resources", "'\(id)' is listed twice; list each resource once")
            }
        }
    }

    private static func check(_ value: Int, in range: ClosedRange<Int>, at path: String) throws(PlacementError) {
        guard range.contains(value) else {
            throw .invalidProblem(path, "\(value) is outside \(range.lowerBound)…\(range.upperBound)")
        }
    }

    private static func check(_ start: Int, _ end: Int, at path: String) throws(PlacementError) {
        try check(start, in: timeRange, at: path + ".start")
        try check(end, in: timeRange, at: path + ".end")
        guard start < end else {
            throw .invalidProblem(path, "end \(end) is not after start \(start); intervals are [start, end)")
        }
    }
}
