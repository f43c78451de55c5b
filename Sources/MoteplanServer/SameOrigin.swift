import Hummingbird

/// Whether a POST comes from the server's own pages (a defence against cross-site request
/// forgery, besides the secret in the path): its Origin must be the server's (`[server] base_url`,
/// or the request's Host); without an Origin, its Referer must start with it. A page served with
/// `Referrer-Policy: no-referrer` makes browsers send `Origin: null` on its own forms, so `null`
/// (or no Origin and no Referer) is taken only with `Sec-Fetch-Site: same-origin`, a header no
/// page can set or forge.
enum SameOrigin {
    /// The origins the server answers as: base_url's, and `http(s)://<Host>`.
    static func origins(baseURL: String?, host: String?) -> [String] {
        var result: [String] = []
        if let baseURL, let origin = origin(of: baseURL) { result.append(origin) }
        if let host, !host.isEmpty { result += ["http://\(host)", "https://\(host)"] }
        return result.map { $0.lowercased() }
    }

    /// `scheme://host[:port]` of a URL, nil when it has no scheme.
    static func origin(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty else { return nil }
        return String(url[..<schemeEnd.upperBound]) + authority
    }

    /// `Sec-Fetch-Site`.
    static let fetchSiteName = HTTPFields.Element.Name("Sec-Fetch-Site")

    /// Whether `request` is a same-origin POST.
    static func allows(_ request: Request, baseURL: String?) -> Bool {
        let allowed = origins(baseURL: baseURL, host: request.head.authority)
        let fetchSite = fetchSiteName.flatMap { request.headers[$0] }?.lowercased()
        if let origin = request.headers[.origin]?.trimmingCharacters(in: .whitespaces).lowercased(), origin != "null" {
            return allowed.contains(origin)
        }
        if request.headers[.origin] == nil, let referer = request.headers[.referer], let origin = origin(of: referer)?.lowercased() {
            return allowed.contains(origin)
        }
        return fetchSite == "same-origin"
    }
}
