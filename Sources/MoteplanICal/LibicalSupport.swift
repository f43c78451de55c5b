import CLibical
import Glibc

/// Takes ownership of a malloc'ed string from one of libical's `*_r` functions, frees it, returns it.
func takeLibicalString(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    defer { free(pointer) }
    let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)).bindMemory(to: UInt8.self)
    return repairFolding(bytes)
}

/// libical 3.0.16 folds a line whose content is exactly 75 octets (and 149, 223, …: every 74
/// more) between the CR and the LF of its line ending, giving "\r\r\n \n". That sequence cannot
/// occur otherwise (a CR in a value is escaped), so it is turned back into the line end it was:
/// a scan for the broken fold, and a copy only when there is one (rare).
func repairFolding(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    // "\r\r\n \n" at i.
    func brokenFold(at i: Int) -> Bool {
        i + 5 <= bytes.count && bytes[i] == 13 && bytes[i + 1] == 13 && bytes[i + 2] == 10 && bytes[i + 3] == 32
            && bytes[i + 4] == 10
    }
    guard let first = bytes.indices.first(where: brokenFold) else { return String(decoding: bytes, as: UTF8.self) }
    var repaired = Array(bytes[..<first])
    repaired.reserveCapacity(bytes.count)
    var i = first
    while i < bytes.count {
        if brokenFold(at: i) {
            repaired += [13, 10]
            i += 5
        } else {
            repaired.append(bytes[i])
            i += 1
        }
    }
    return String(decoding: repaired, as: UTF8.self)
}

/// A wall-clock time to the second, as libical's floating `icaltimetype` without a zone.
struct WallTime: Hashable, Comparable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The date and time parts of a libical time (its zone is ignored).
    init(_ time: icaltimetype) {
        self.init(
            year: Int(time.year), month: Int(time.month), day: Int(time.day),
            hour: Int(time.hour), minute: Int(time.minute), second: Int(time.second))
    }

    /// The time `seconds` after 1970-01-01T00:00:00 on the same wall clock.
    init(epochSeconds seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let rest = seconds - days * 86_400
        let date = Civil.date(days: days)
        self.init(
            year: date.year, month: date.month, day: date.day,
            hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60)
    }

    init(_ local: ICalDateTime) {
        self.init(year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute)
    }

    init(_ stamp: ICalUTCStamp) {
        self.init(
            year: stamp.year, month: stamp.month, day: stamp.day,
            hour: stamp.hour, minute: stamp.minute, second: stamp.second)
    }

    /// Seconds since 1970-01-01T00:00:00 on the same wall clock (i.e. read as if it were UTC).
    var epochSeconds: Int {
        Civil.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// A floating (zone-less) date-time for libical.
    var floating: icaltimetype {
        var time = icaltime_null_time()
        time.year = Int32(year)
        time.month = Int32(month)
        time.day = Int32(day)
        time.hour = Int32(hour)
        time.minute = Int32(minute)
        time.second = Int32(second)
        time.is_date = 0
        return time
    }

    /// The same parts marked as UTC, so libical writes a trailing `Z`.
    var utc: icaltimetype {
        var time = floating
        time.zone = icaltimezone_get_utc_timezone()
        return time
    }

    var local: ICalDateTime { ICalDateTime(year: year, month: month, day: day, hour: hour, minute: minute) }

    var stamp: ICalUTCStamp {
        ICalUTCStamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    static func < (lhs: WallTime, rhs: WallTime) -> Bool { lhs.epochSeconds < rhs.epochSeconds }
}
