import Foundation

/// A hash of any value, made from all of its stored properties by reflection: the
/// same value gives the same hash in every process (dictionaries and sets are
/// hashed in no particular order), and a property added to a type is in its
/// fingerprint without anyone listing it.
enum Fingerprint {
    /// The fingerprint of `value`.
    static func of(_ value: Any) -> UInt64 {
        var hash = ContentHash()
        add(value, into: &hash)
        return hash.value
    }

    /// The fingerprint of `value`'s stored properties, leaving out those named in `skipping`.
    static func of(_ value: Any, skipping: Set<String>) -> UInt64 {
        var hash = ContentHash()
        for child in Mirror(reflecting: value).children where !skipping.contains(child.label ?? "") {
            hash.combine(child.label)
            add(child.value, into: &hash)
        }
        return hash.value
    }

    static func add(_ value: Any, into hash: inout ContentHash) {
        // The common leaves by exact type: a cast to a protocol or an array of Any converts the value.
        let type = type(of: value)
        if type == String.self { hash.combine("s" + (value as! String)); return }
        if type == Int.self { hash.combine(UInt64(bitPattern: Int64(value as! Int))); return }
        if type == Bool.self { hash.combine((value as! Bool) ? "T" : "F"); return }
        if type == [Int].self {
            let list = value as! [Int]
            hash.combine(UInt64(list.count))
            for number in list { hash.combine(UInt64(bitPattern: Int64(number))) }
            return
        }
        if type == Set<String>.self {
            let set = value as! Set<String>
            unordered(set.map { ContentHash.of($0) }, into: &hash)
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary?, .set?:
            unordered(mirror.children.map { of($0.value) }, into: &hash)
        case .optional?:
            if let wrapped = mirror.children.first?.value {
                hash.combine("some")
                add(wrapped, into: &hash)
            } else {
                hash.combine("none")
            }
        case .enum?:
            // The case's name, then its payload.
            hash.combine(mirror.children.first?.label ?? String(describing: value))
            if let payload = mirror.children.first?.value { add(payload, into: &hash) }
        case nil:
            // A leaf of another kind (a number, a character): its description.
            hash.combine(String(describing: value))
        default:
            hash.combine(UInt64(mirror.children.count))
            for child in mirror.children {
                hash.combine(child.label)
                add(child.value, into: &hash)
            }
        }
    }

    /// Combines element hashes in an order that does not depend on the collection's.
    private static func unordered(_ hashes: [UInt64], into hash: inout ContentHash) {
        hash.combine(UInt64(hashes.count))
        for element in hashes.sorted() { hash.combine(element) }
    }
}
