// BareServer FILE PORT: serves FILE at /feeds/alle.ics on 127.0.0.1:PORT with a fixed strong ETag;
// If-None-Match with that ETag gets a 304. Nothing else: the least Hummingbird can do per request.
import Foundation
import Hummingbird

let arguments = CommandLine.arguments
guard arguments.count == 3, let port = Int(arguments[2]), let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: BareServer FILE PORT\n".utf8))
    exit(2)
}
let body = ByteBuffer(bytes: data)
let etag = "\"bare-\(data.count)\""
let okHeaders: HTTPFields = [.contentType: "text/calendar; charset=utf-8", .eTag: etag, .contentLength: String(data.count)]
let notModifiedHeaders: HTTPFields = [.eTag: etag]

let router = Router()
router.get("/feeds/alle.ics") { request, _ -> Response in
    if request.headers[.ifNoneMatch] == etag {
        return Response(status: .notModified, headers: notModifiedHeaders, body: ResponseBody())
    }
    return Response(status: .ok, headers: okHeaders, body: ResponseBody(byteBuffer: body))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
