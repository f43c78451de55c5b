import MoteplanICal
import Testing

/// libical 3.0.16 mis-folds lines of exactly 75, 149, 223 … content octets ("\r\r\n \n");
/// found by Benchmarks/generate with 27-character unit ids (77-octet UID lines).
struct FoldingBoundaryTests {
    @Test(arguments: [70, 71, 72, 73, 74, 75, 76, 77, 146, 147, 148, 149, 150, 221, 222, 223, 224])
    func everyLineEndsInCRLFAtEveryLength(contentOctets: Int) throws {
        let zone = try ICalZone(identifier: "Europe/Oslo", fromYear: 2026, toYear: 2027)
        let serializer = try FeedSerializer(
            header: ICalFeedHeader(prodID: "-//test//NO", calendarName: "Test", timeZoneID: "Europe/Oslo", refreshIntervalMinutes: 60),
            zone: zone)
        // "UID:" is 4 octets; the rest of the line is the UID.
        let uid = String(repeating: "u", count: contentOctets - 4 - "@x".count) + "@x"
        let event = ICalEvent(
            uid: uid, dtstamp: ICalUTCStamp(year: 2026, month: 8, day: 1, hour: 0, minute: 0),
            start: ICalDateTime(year: 2026, month: 9, day: 8, hour: 14, minute: 0),
            end: ICalDateTime(year: 2026, month: 9, day: 8, hour: 15, minute: 0),
            summary: String(repeating: "æ", count: contentOctets / 2))
        let text = try serializer.serialize([event])
        #expect(!text.contains("\r\r"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(FeedValidator.problems(in: text).isEmpty)
        #expect(try FeedReader.events(in: text).first?.uid == uid)
    }
}
