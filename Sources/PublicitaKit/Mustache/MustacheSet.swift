/// A set of templates compiled together, each partial linked to the template it names.
struct MustacheSet: Sendable {
    /// The compiled templates; a partial refers to one by its position here.
    let programs: [MustacheProgram]
    /// Each template's position by name.
    let index: [String: Int]

    /// What a partial naming no template of the set does.
    enum UnknownPartial {
        /// It is an error (and renders nothing).
        case error
        /// It renders nothing, as the Mustache spec says.
        case empty
    }

    /// Compiles `sources` (name → template text). A template with a syntax error is
    /// left out of the set; its error is among the errors returned, as is every
    /// partial that names no template when `unknownPartial` is `.error`.
    /// `constant` gives the raw text of names fixed for every render (the UI strings).
    static func compile(_ sources: [String: String], unknownPartial: UnknownPartial = .error,
                        constant: @escaping (NamePath) -> String? = { _ in nil }) -> (MustacheSet, [MustacheError]) {
        var errors: [MustacheError] = []
        var compiled: [MustacheProgram] = []
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            var compiler = MustacheCompiler(source: source, template: name, constant: constant)
            do {
                compiled.append(try compiler.compile())
            } catch {
                errors.append(error)
            }
        }
        var index: [String: Int] = [:]
        for (position, program) in compiled.enumerated() { index[program.name] = position }
        for position in compiled.indices {
            let name = compiled[position].name
            compiled[position].ops = link(compiled[position].ops, index: index, known: sources, reportUnknown: unknownPartial == .error) { offset, partial in
                errors.append(MustacheCompiler.error(.unknownPartial(partial), at: offset, in: sources[name] ?? "", template: name))
            }
        }
        return (MustacheSet(programs: compiled, index: index), errors)
    }

    private static func link(_ ops: [MustacheOp], index: [String: Int], known: [String: String], reportUnknown: Bool,
                             report: (Int, String) -> Void) -> [MustacheOp] {
        ops.compactMap { op in
            switch op {
            case .unlinkedPartial(let name, let indent, let offset):
                if let program = index[name] { return .partial(program, indent: indent) }
                // A template that failed to compile has its own error already.
                if reportUnknown && known[name] == nil { report(offset, name) }
                return nil
            case .section(let path, let inverted, let body):
                return .section(path, inverted: inverted, body: link(body, index: index, known: known, reportUnknown: reportUnknown, report: report))
            default:
                return op
            }
        }
    }

    /// The first parts of the names looked up inside every section named `section`
    /// (through the partials it includes), or nil when that cannot be told: a
    /// section's item itself (`{{.}}`) or a dynamic partial is read there.
    func namesRead(insideSectionsNamed section: String) -> Set<String>? {
        var names: Set<String> = [], visited: Set<Int> = []
        // `nested`: inside a section within the section, where `{{.}}` is that section's value.
        func collect(_ ops: [MustacheOp], nested: Bool) -> Bool {
            func read(_ path: NamePath) -> Bool {
                guard let first = path.components.first else { return nested && path.transforms.isEmpty }
                names.insert(first)
                return true
            }
            for op in ops {
                switch op {
                case .value(let path, _):
                    guard read(path) else { return false }
                case .section(let path, _, let body):
                    guard read(path), collect(body, nested: true) else { return false }
                case .partial(let program, _):
                    // A partial met again is read again only where `{{.}}` means something else.
                    guard visited.insert(program * 2 + (nested ? 1 : 0)).inserted else { continue }
                    guard collect(programs[program].ops, nested: nested) else { return false }
                case .dynamicPartial, .unlinkedPartial:
                    return false
                case .text:
                    continue
                }
            }
            return true
        }
        func sections(_ ops: [MustacheOp]) -> Bool {
            for op in ops {
                switch op {
                case .section(let path, let inverted, let body):
                    if !inverted, path.components == [section] {
                        guard collect(body, nested: false) else { return false }
                    } else {
                        guard sections(body) else { return false }
                    }
                default:
                    continue
                }
            }
            return true
        }
        for program in programs {
            guard sections(program.ops) else { return nil }
        }
        return names
    }

    /// Renders `context` with template `name`, appending to `output`; false when there is no such template.
    func render(_ context: Any, template name: String, into output: inout [UInt8]) -> Bool {
        guard let program = index[name] else { return false }
        var rendering = MustacheRendering(set: self, context: context, output: output)
        output = []
        rendering.run(program)
        output = rendering.output
        return true
    }

    /// `context` rendered with template `name` as UTF-8, or nil when there is no such template.
    /// Renders `context` with the template `name`, with the names the render looked
    /// up in `context` itself (``MustacheRendering/rootNames``).
    func renderRecordingNames(_ context: Any, template name: String) -> (output: [UInt8], names: Set<String>)? {
        guard let program = index[name] else { return nil }
        var rendering = MustacheRendering(set: self, context: context, output: [], recordingNames: true)
        rendering.run(program)
        return (rendering.output, rendering.rootNames ?? [])
    }

    func render(_ context: Any, template name: String) -> [UInt8]? {
        guard let program = index[name] else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(programs[program].staticSize * 2 + 256)
        var rendering = MustacheRendering(set: self, context: context, output: output)
        rendering.run(program)
        return rendering.output
    }
}
