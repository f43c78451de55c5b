/// How deep a template's sections nest. Every section renders once per list item of the level
/// above it, so deep nesting multiplies the work (tens of seconds per run were seen); reminder
/// templates need two or three levels. Delimiter changes (`{{=…=}}`) would hide sections from
/// this count and are refused too.
enum TemplateNesting {
    /// The deepest nesting a reminder template may have.
    static let maxDepth = 6

    /// The first problem: a section opened past `maxDepth`, or a delimiter change, with its
    /// 1-based line and column in `text`.
    static func problem(in text: String) -> (message: String, line: Int, column: Int)? {
        let scalars = Array(text.unicodeScalars)
        var depth = 0
        var line = 1
        var column = 1
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 2 < scalars.count, scalars[i + 1] == "{" {
                let sigil = scalars[i + 2]
                switch sigil {
                case "#", "^":
                    depth += 1
                    if depth > maxDepth {
                        return ("sections nest \(depth) deep; at most \(maxDepth) levels are allowed.", line, column)
                    }
                case "/":
                    depth = max(0, depth - 1)
                case "=":
                    return ("changing the delimiters ({{=…=}}) is not supported in reminder templates.", line, column)
                default:
                    break
                }
            }
            if scalars[i] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        return nil
    }
}
