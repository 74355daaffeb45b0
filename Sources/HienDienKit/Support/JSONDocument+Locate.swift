extension JSONDocument {
    /// The diagnostic with the line and column of the deepest value its JSON path (as the
    /// decoders write it: `$.units[3].parent`, `$.tasks.I.1.status`) reaches in this document.
    /// Keys that contain dots are matched against the document's own keys, longest first.
    func located(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.location.line == nil, let text = diagnostic.location.path, text.hasPrefix("$") else {
            return diagnostic
        }
        var value = self.value
        var path = JSONPath.root
        var rest = text.dropFirst()
        walk: while !rest.isEmpty {
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]"),
               let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
               let items = value.arrayValue, items.indices.contains(index) {
                value = items[index]
                path = path.appending(index: index)
                rest = rest[rest.index(after: close)...]
            } else if rest.hasPrefix("."), let members = value.objectValue {
                let afterDot = rest.dropFirst()
                let match = members.filter { member in
                    guard afterDot.hasPrefix(member.key) else { return false }
                    let tail = afterDot.dropFirst(member.key.count)
                    return tail.isEmpty || tail.hasPrefix(".") || tail.hasPrefix("[")
                }.max { $0.key.count < $1.key.count }
                guard let match else { break walk }
                value = match.value
                path = path.appending(key: match.key)
                rest = afterDot.dropFirst(match.key.count)
            } else {
                break walk
            }
        }
        var located = diagnostic
        let found = location(of: path)
        located.location.line = found.line
        located.location.column = found.column
        return located
    }

    /// Every diagnostic of an input error, located.
    func located(_ error: InputError) -> InputError {
        InputError(error.diagnostics.map(located), omitted: error.omitted)
    }
}
