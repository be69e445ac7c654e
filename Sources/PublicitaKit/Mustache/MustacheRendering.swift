import Foundation

/// One render of a compiled template: the context stack over the view values and
/// the byte buffer the output is appended to.
struct MustacheRendering {
    private let programs: [MustacheProgram]
    private let index: [String: Int]
    /// The output so far.
    private(set) var output: [UInt8]
    /// The view values, innermost last: the page's, then each enclosing section's.
    private var stack: [Any]
    /// The indentation of the standalone partials being rendered, outermost first.
    private var indent: [UInt8] = []
    /// The position in the innermost list section, for `first()`, `index()`, ….
    private var position: MustacheSequencePosition?
    /// The names looked up in the outermost value (found there or nowhere), when
    /// recorded: with the same values under these names a render writes the same text.
    private(set) var rootNames: Set<String>?
    /// How many partials deep the render is; a partial including itself without end stops here.
    private var depth = 0
    private static let maximumDepth = 100

    init(set: MustacheSet, context: Any, output: [UInt8], recordingNames: Bool = false) {
        self.programs = set.programs
        self.index = set.index
        self.stack = [context]
        self.output = output
        if recordingNames { rootNames = [] }
    }

    mutating func run(_ program: Int) {
        run(programs[program].ops)
    }

    /// The value a name stands for in the current context, nil when there is none.
    ///
    /// The one place where a template reads a view value: the first component is
    /// looked up from the innermost value outwards, the rest within what it found.
    mutating func resolve(_ path: NamePath) -> Any? {
        var value: Any?
        if path.components.isEmpty {
            value = path.anchored ? stack[stack.count - 1] : position.map { $0 as Any }
            // The outermost value itself, whole.
            if path.anchored, stack.count == 1 { rootNames?.insert(".") }
        } else {
            let first = path.components[0]
            if path.anchored {
                value = MustacheValues.child(of: stack[stack.count - 1], named: first)
                if stack.count == 1 { rootNames?.insert(first) }
            } else {
                var level = stack.count - 1
                while level >= 0 {
                    if let found = MustacheValues.child(of: stack[level], named: first) {
                        value = found
                        break
                    }
                    level -= 1
                }
                if level <= 0 { rootNames?.insert(first) }
            }
            var component = 1
            while component < path.components.count, let current = value {
                value = MustacheValues.child(of: current, named: path.components[component])
                component += 1
            }
        }
        if !path.transforms.isEmpty {
            for transform in path.transforms {
                guard let current = value, !MustacheValues.isNull(current) else { return nil }
                value = MustacheValues.transform(current, transform)
            }
        }
        return value
    }

    private mutating func run(_ ops: [MustacheOp]) {
        for op in ops {
            switch op {
            case .text(let chunk):
                append(chunk)
            case .value(let path, let escaped):
                if let value = resolve(path) { append(value, escaped: escaped) }
            case .section(let path, let inverted, let body):
                section(resolve(path), inverted: inverted, body: body)
            case .partial(let program, let extra):
                include(program, indent: extra)
            case .dynamicPartial(let path, let extra):
                if let name = resolve(path) as? String, let program = index[name] { include(program, indent: extra) }
            case .unlinkedPartial:
                break
            }
        }
    }

    private mutating func append(_ chunk: TextChunk) {
        guard !indent.isEmpty, !chunk.lineStarts.isEmpty else {
            output += chunk.bytes
            return
        }
        var from = 0
        for start in chunk.lineStarts {
            output += chunk.bytes[from..<start]
            // A partial included mid-line starts without indentation.
            if output.isEmpty || output[output.count - 1] == UInt8(ascii: "\n") { output += indent }
            from = start
        }
        output += chunk.bytes[from...]
    }

    private mutating func append(_ value: Any, escaped: Bool) {
        if type(of: value) == String.self {
            let text = value as! String
            if escaped { appendEscaped(text) } else { output += text.utf8 }
            return
        }
        if !escaped, type(of: value) == RenderedHTML.self {
            output += (value as! RenderedHTML).bytes
            return
        }
        switch value {
        case let text as String:
            if escaped { appendEscaped(text) } else { output += text.utf8 }
        case let number as Int:
            output += String(number).utf8
        case let flag as Bool:
            output += (flag ? "true" : "false").utf8
        case _ where MustacheValues.isNull(value):
            break
        default:
            let text = MustacheValues.describe(value)
            if escaped { appendEscaped(text) } else { output += text.utf8 }
        }
    }

    /// Appends `text` with `&`, `<`, `>`, `"` and `'` as ``HTML/escape(_:)`` writes them.
    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                output += UnsafeBufferPointer(rebasing: bytes[start..<index])
                output += UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount)
                start = index + 1
            }
            output += UnsafeBufferPointer(rebasing: bytes[start...])
        }
    }

    /// A section, with swift-mustache's idea of truth: a list renders once per item
    /// (never when empty), a Bool as it is, no value or `NSNull` never, and any other
    /// value (an empty text, a zero too) once with that value innermost.
    private mutating func section(_ value: Any?, inverted: Bool, body: [MustacheOp]) {
        guard let value, !MustacheValues.isNull(value) else {
            if inverted { run(body) }
            return
        }
        // The view models' usual kinds by exact type, before the slower protocol casts.
        let type = type(of: value)
        if type == String.self || type == [String: Any].self || type == [String: String].self || type == RenderedHTML.self {
            if !inverted { within(value, position: nil, body) }
            return
        }
        if type == Bool.self {
            if (value as! Bool) != inverted { run(body) }
            return
        }

        if type == [[String: Any]].self {
            let list = value as! [[String: Any]]
            if inverted {
                if list.isEmpty { within(value, position: nil, body) }
                return
            }
            for (index, item) in list.enumerated() {
                within(item, position: MustacheSequencePosition(index: index, count: list.count), body)
            }
            return
        }
        if let list = value as? MustacheList {
            if inverted {
                if list.isEmptyList { within(value, position: nil, body) }
                return
            }
            let count = list.itemCount
            list.forEachItem { item, index in
                within(item, position: MustacheSequencePosition(index: index, count: count), body)
            }
        } else if let flag = value as? Bool {
            if flag != inverted { run(body) }
        } else if !inverted {
            within(value, position: nil, body)
        }
    }

    private mutating func within(_ value: Any, position: MustacheSequencePosition?, _ body: [MustacheOp]) {
        let saved = self.position
        self.position = position
        stack.append(value)
        run(body)
        stack.removeLast()
        self.position = saved
    }

    private mutating func include(_ program: Int, indent extra: [UInt8]) {
        guard depth < Self.maximumDepth else { return }
        let (savedIndent, savedPosition) = (indent, position)
        indent += extra
        position = nil
        depth += 1
        run(programs[program].ops)
        depth -= 1
        (indent, position) = (savedIndent, savedPosition)
    }
}
