import Foundation

/// The årshjul's geometry: twelve equal month sectors clockwise from August at the top; a day
/// takes its share of its month's sector.
struct ArshjulGeometry {
    let centerX: Double
    let centerY: Double

    /// Degrees (0 at the top, clockwise) where `date`'s day begins (`end: false`) or ends.
    static func angle(_ date: LocalDate, end: Bool = false) -> Double {
        let monthIndex = Double((date.month - 8 + 12) % 12)
        let days = Double(LocalDate.daysIn(month: date.month, year: date.year))
        return 30 * (monthIndex + (Double(date.day) - (end ? 0 : 1)) / days)
    }

    /// The middle of `date`'s day.
    static func middle(_ date: LocalDate) -> Double { (angle(date) + angle(date, end: true)) / 2 }

    /// The point at `radius` and `degrees`.
    func point(_ radius: Double, _ degrees: Double) -> (x: Double, y: Double) {
        let radians = degrees * Double.pi / 180
        return (centerX + radius * sin(radians), centerY - radius * cos(radians))
    }

    /// "x y" of a point, formatted.
    func coordinates(_ radius: Double, _ degrees: Double) -> String {
        let p = point(radius, degrees)
        return "\(Markup.number(p.x)) \(Markup.number(p.y))"
    }

    /// The path of the ring sector between `inner` and `outer` radius, from `start` to `end` degrees.
    func sector(inner: Double, outer: Double, start: Double, end: Double) -> String {
        let large = end - start > 180 ? 1 : 0
        let r1 = Markup.number(inner)
        let r2 = Markup.number(outer)
        return "M\(coordinates(outer, start)) A\(r2) \(r2) 0 \(large) 1 \(coordinates(outer, end)) "
            + "L\(coordinates(inner, end)) A\(r1) \(r1) 0 \(large) 0 \(coordinates(inner, start)) Z"
    }
}
