import Foundation

/// The fields of a POST /referat: from an HTML form (`application/x-www-form-urlencoded`) or JSON.
struct ReferatPayload: Sendable, Equatable {
    var uid: String?
    var delivered: String?
    var by: String?
    var ref: String?
    var force = false
    /// The token, when a form sends it (browsers cannot set Authorization).
    var token: String?
    /// Whether it came from a form (the reply is then an HTML page).
    var fromForm = false

    /// Why a body could not be read.
    struct Problem: Error, Equatable {
        let unsupportedType: Bool
        let message: String
    }

    /// Parses `body` by its content type.
    static func parse(contentType: String?, body: [UInt8]) throws -> ReferatPayload {
        let type = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case "application/x-www-form-urlencoded": return try form(body)
        case "application/json": return try json(body)
        default:
            throw Problem(unsupportedType: true, message: "send application/x-www-form-urlencoded or application/json.")
        }
    }

    static func form(_ body: [UInt8]) throws -> ReferatPayload {
        guard let text = String(bytes: body, encoding: .utf8) else { throw Problem(unsupportedType: false, message: "the form is not UTF-8.") }
        var payload = ReferatPayload(fromForm: true)
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = decode(parts[0]) else { throw Problem(unsupportedType: false, message: "the form is not correctly encoded.") }
            guard let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw Problem(unsupportedType: false, message: "the form field \(key) is not correctly encoded.")
            }
            let text = value.isEmpty ? nil : value
            switch key {
            case "uid": payload.uid = text
            case "delivered": payload.delivered = text
            case "by": payload.by = text
            case "ref": payload.ref = text
            case "token": payload.token = text
            case "force": payload.force = ["true", "1", "on", "yes"].contains(value.lowercased())
            default: break
            }
        }
        return payload
    }

    /// Percent-decoding with `+` as a space; nil when malformed.
    static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    private struct JSONBody: Decodable {
        var uid: String?
        var delivered: String?
        var by: String?
        var ref: String?
        var force: Bool?
    }

    static func json(_ body: [UInt8]) throws -> ReferatPayload {
        do {
            let decoded = try JSONDecoder().decode(JSONBody.self, from: Data(body))
            return ReferatPayload(uid: decoded.uid, delivered: decoded.delivered, by: decoded.by, ref: decoded.ref, force: decoded.force ?? false)
        } catch {
            throw Problem(unsupportedType: false, message: "the body is not a JSON object with string fields uid, delivered, by, ref and a boolean force.")
        }
    }
}
