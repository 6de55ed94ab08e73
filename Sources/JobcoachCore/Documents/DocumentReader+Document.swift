extension DocumentReader {
  /// Reads the whole document, handing each record to `emit` as soon as it is decoded. Every
  /// problem goes to the log; a record with problems is not emitted.
  public mutating func read(emit: (ImportRecord, JSONPointer) -> Void) -> DocumentInfo {
    let kind = readDocument(emit: emit)
    // A document abandoned early is still hashed whole, for the audit trail.
    repeat { index = buffer.count } while fill()
    if readFailed {
      log.report(DocumentProblem(file: file, pointer: .root, reason: .unreadable))
    }
    return DocumentInfo(kind: kind, sha256: hasher.finalizeHex(), byteCount: byteCount)
  }

  /// The kind of `key`'s records, when `key` holds some kind's records.
  static func kind(ofRecordsKey key: String) -> DocumentKind? {
    DocumentKind.allCases.first { $0.recordsKey == key }
  }

  private mutating func readDocument(emit: (ImportRecord, JSONPointer) -> Void) -> DocumentKind? {
    // A byte order mark: UTF-16 is refused, UTF-8's is skipped. Look at three bytes, however
    // small the pieces the source gives.
    while buffer.count < 3, fill() {}
    if buffer.count >= 2,
      (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)
    {
      problem(at: 0, .utf16)
      return nil
    }
    if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
      index = 3
      while buffer.count < 6, readMore() {}
      if buffer.count >= 6, buffer[3] == 0xEF, buffer[4] == 0xBB, buffer[5] == 0xBF {
        problem(at: 3, .secondByteOrderMark)
        return nil
      }
    }
    skipWhitespace()
    guard let first = peek() else {
      problem(at: index, byteCount == 0 ? .emptyFile : .noJSONValue)
      return nil
    }
    guard first == UInt8(ascii: "{") else {
      // Not an object: read it whole, so the message is the one any value gets.
      guard let end = scanValueEnd() else {
        _ = parseRemainder()
        return nil
      }
      switch parseValue(endingAt: end) {
      case .success(let value):
        if trailingIsEmpty() {
          // Not an object, so not a document: refused whatever it is (never "nothing").
          _ = ObjectFields(value, at: .root, in: DecodingContext(file: file, log: log))
        }
      case .failure(let error):
        problem(error)
      }
      return nil
    }
    index += 1
    var header: [String: (JSONValue, JSONPointer)] = [:]
    var seen: Set<String> = []
    var recordsKey: String?
    var declared: DocumentKind?
    var versionOK = true
    var publicEntries = PublicEntries()
    /// Records arrays passed over unread: another kind's, or one after the first.
    var skipped: Set<String> = []
    let context = DecodingContext(file: file, log: log)

    func headerKind() -> DocumentKind? {
      guard case .string(let text)? = header["kind"]?.0 else { return nil }
      return DocumentKind(rawValue: text)
    }

    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      index += 1
    } else {
      while true {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else {
          if peek() == nil {
            problem(at: index, .unexpectedEnd(in: .object))
          } else {
            problem(at: index, .expectedMemberName)
          }
          return nil
        }
        let keyStart = index
        guard let keyEnd = scanValueEnd(),
          case .success(.string(let key)) = parseValue(endingAt: keyEnd)
        else {
          _ = parseRemainder()
          return nil
        }
        let pointer = JSONPointer.root.appending(key)
        if CitizenServiceNumber.occurs(in: key) {
          context.report(.root, CitizenServiceNumberPlace.memberName(.root).reason)
          return nil
        }
        guard seen.insert(key).inserted else {
          problem(at: keyStart, .duplicateMember(name: key))
          return nil
        }
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else {
          problem(at: index, .expectedColon(after: key))
          return nil
        }
        index += 1
        skipWhitespace()
        let known = headerKind()
        let recordsKind = Self.kind(ofRecordsKey: key)
        if case .number(let text)? = header["schemaVersion"]?.0, let version = Int(text),
          let recordsKind, !recordsKind.supportedSchemaVersions.contains(version)
        {
          versionOK = false
        }
        if peek() == UInt8(ascii: "["), let recordsKind, recordsKey == nil,
          known == nil || known == recordsKind, versionOK
        {
          // The first records array, of the declared kind or before `kind` is seen: streamed.
          // Should `kind` then say otherwise, the check of the header refuses the document.
          recordsKey = key
          declared = recordsKind
          guard
            readRecords(
              recordsKind, at: pointer, context: context, emit: emit, publicEntries: &publicEntries)
          else { return nil }
        } else if peek() == UInt8(ascii: "["), recordsKind != nil {
          // Another kind's records, a second records array or one of an unknown version:
          // never read, never held; the header check refuses the document for it.
          guard skipValue() else {
            problem(at: index, .unexpectedEnd(in: .array))
            return nil
          }
          skipped.insert(key)
          header[key] = (.array([]), pointer)
        } else {
          guard let end = scanValueEnd() else {
            _ = parseRemainder()
            return nil
          }
          if end == index {
            problem(at: index, .unexpectedCharacter(printable(buffer[index])))
            return nil
          }
          switch parseValue(endingAt: end) {
          case .success(let value):
            let places = value.citizenServiceNumberPlaces(at: pointer)
            guard places.isEmpty else {
              for place in places { context.report(place.pointer, place.reason) }
              return nil
            }
            header[key] = (value, pointer)
          case .failure(let error):
            problem(error)
            return nil
          }
        }
        skipWhitespace()
        guard let next = peek() else {
          problem(at: index, .unexpectedEnd(in: .object))
          return nil
        }
        index += 1
        if next == UInt8(ascii: ",") { continue }
        guard next == UInt8(ascii: "}") else {
          problem(at: index - 1, .expectedCommaOrEnd(.object))
          return nil
        }
        break
      }
    }
    guard trailingIsEmpty() else { return nil }
    return checkHeader(
      header, recordsKey: recordsKey, skipped: skipped, streamed: declared, context: context,
      publicEntries: publicEntries, emit: emit)
  }

  /// After the document only whitespace may follow.
  private mutating func trailingIsEmpty() -> Bool {
    skipWhitespace()
    if peek() != nil {
      problem(at: index, .textAfterValue)
      return false
    }
    return true
  }

  /// Parses what is left, for the parser's own message about where and why it ends badly; or,
  /// after a value too large to hold, says so (at `pointer` when the value has one).
  private mutating func parseRemainder(at pointer: JSONPointer? = nil) -> Bool {
    if valueTooLarge {
      let reason = ProblemReason.valueTooLarge(bytes: maximumValueBytes)
      if let pointer {
        log.report(file, pointer, reason)
      } else {
        let place = position(of: index)
        log.report(
          DocumentProblem(
            file: file, place: .text(line: place.line, column: place.column), reason: reason))
      }
      return false
    }
    while fill() {}
    if case .failure(let error) = parseValue(endingAt: buffer.count) {
      problem(error)
      return false
    }
    return true
  }

  func printable(_ byte: UInt8) -> String {
    byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
  }

  /// Streams the records array. False after a syntax error (the document is abandoned).
  private mutating func readRecords(
    _ kind: DocumentKind, at base: JSONPointer, context: DecodingContext,
    emit: (ImportRecord, JSONPointer) -> Void, publicEntries: inout PublicEntries
  ) -> Bool {
    index += 1
    var position = 0
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      index += 1
      return true
    }
    while true {
      skipWhitespace()
      guard peek() != nil else {
        problem(at: index, .unexpectedEnd(in: .array))
        return false
      }
      guard let end = scanValueEnd() else {
        return parseRemainder(at: base.appending(position)) && false
      }
      if end == index {
        problem(at: index, .unexpectedCharacter(printable(buffer[index])))
        return false
      }
      let start = index
      if buffer.withUnsafeBufferPointer({
        CitizenServiceNumber.mayOccur(inJSON: UnsafeBufferPointer(rebasing: $0[start..<end]))
      }) {
        guard
          readRecord(
            kind, endingAt: end, at: base.appending(position), context: context, screening: true,
            emit: emit, publicEntries: &publicEntries)
        else { return false }
      } else if kind == .portfolios, let portfolio = fastPortfolio(endingAt: end) {
        emit(.portfolio(portfolio), base.appending(position))
      } else if !readRecord(
        kind, endingAt: end, at: base.appending(position), context: context, emit: emit,
        publicEntries: &publicEntries)
      {
        return false
      }
      position += 1
      skipWhitespace()
      guard let next = peek() else {
        problem(at: index, .unexpectedEnd(in: .array))
        return false
      }
      index += 1
      if next == UInt8(ascii: ",") {
        // Drop what is read: the buffer holds a chunk and the record being read, no more.
        if index > chunkSize { dropConsumed() }
        continue
      }
      guard next == UInt8(ascii: "]") else {
        problem(at: index - 1, .expectedCommaOrEnd(.array))
        return false
      }
      return true
    }
  }

  /// A plainly well-formed portfolio read straight from the bytes before `end` (and `index`
  /// moved there), or nil to take the general path (`PortfolioFastPath`).
  private mutating func fastPortfolio(endingAt end: Int) -> Portfolio? {
    let start = index
    let portfolio = buffer.withUnsafeBufferPointer {
      PortfolioFastPath.decode(UnsafeBufferPointer(rebasing: $0[start..<end]))
    }
    if portfolio != nil { index = end }
    return portfolio
  }

  /// Parses and decodes the record before `end`, reporting its problems; false when the
  /// document cannot be read on. With `screening`, every text, number and member name is first
  /// looked at for a citizen service number: one found is reported at its place (never
  /// echoed) and the record is not decoded.
  private mutating func readRecord(
    _ kind: DocumentKind, endingAt end: Int, at pointer: JSONPointer, context: DecodingContext,
    screening: Bool = false, emit: (ImportRecord, JSONPointer) -> Void,
    publicEntries: inout PublicEntries
  ) -> Bool {
    switch parseValue(endingAt: end) {
    case .success(let value):
      let places = screening ? value.citizenServiceNumberPlaces(at: pointer) : []
      guard places.isEmpty else {
        for place in places { context.report(place.pointer, place.reason) }
        return true
      }
      decodeRecord(
        kind, value, at: pointer, context: context, emit: emit, publicEntries: &publicEntries)
      return true
    case .failure(let error):
      problem(error)
      return false
    }
  }

  private func decodeRecord(
    _ kind: DocumentKind, _ value: JSONValue, at pointer: JSONPointer, context: DecodingContext,
    emit: (ImportRecord, JSONPointer) -> Void, publicEntries: inout PublicEntries
  ) {
    if kind == .publicRegister {
      // Kept as read too: the document's signature is checked over all of it.
      publicEntries.values.append(value)
      if let entry = PublicRegisterEntry.decode(value, at: pointer, in: context) {
        publicEntries.entries.append(entry)
      }
    } else if let record = Self.decode(kind, value, at: pointer, in: context) {
      emit(record, pointer)
    }
  }

  static func decode(
    _ kind: DocumentKind, _ value: JSONValue, at pointer: JSONPointer, in context: DecodingContext
  ) -> ImportRecord? {
    switch kind {
    case .organisations:
      Organisation.decode(value, at: pointer, in: context).map(ImportRecord.organisation)
    case .coaches: Coach.decode(value, at: pointer, in: context).map(ImportRecord.coach)
    case .placements: Placement.decode(value, at: pointer, in: context).map(ImportRecord.placement)
    case .policies: MunicipalPolicy.decode(value, at: pointer, in: context).map(ImportRecord.policy)
    case .educations:
      RecognisedEducation.decode(value, at: pointer, in: context).map(ImportRecord.education)
    case .accreditations:
      Accreditation.decode(value, at: pointer, in: context).map(ImportRecord.accreditation)
    case .peNorms: PENorm.decode(value, at: pointer, in: context).map(ImportRecord.norm)
    case .registers: Register.decode(value, at: pointer, in: context).map(ImportRecord.register)
    case .portfolios: Portfolio.decode(value, at: pointer, in: context).map(ImportRecord.portfolio)
    case .memberships:
      Membership.decode(value, at: pointer, in: context).map(ImportRecord.membership)
    case .hourBookings:
      HourBooking.decode(value, at: pointer, in: context).map(ImportRecord.booking)
    case .funderDecisions:
      FunderDecision.decode(value, at: pointer, in: context).map(ImportRecord.decision)
    case .publicRegister: nil
    }
  }

  /// Checks `kind`, `schemaVersion` and the other top-level members once the document is read,
  /// with the messages of the whole-document reader.
  private func checkHeader(
    _ header: [String: (JSONValue, JSONPointer)], recordsKey: String?, skipped: Set<String>,
    streamed: DocumentKind?,
    context: DecodingContext, publicEntries: PublicEntries,
    emit: (ImportRecord, JSONPointer) -> Void
  ) -> DocumentKind? {
    var object = JSONObject()
    for (key, value) in header.sorted(by: { $0.key < $1.key }) {
      object.members.append(JSONObject.Member(key: key, value: value.0))
    }
    if let recordsKey {
      object.members.append(JSONObject.Member(key: recordsKey, value: .array([])))
    }
    guard var fields = ObjectFields(.object(object), at: .root, in: context) else { return nil }
    // An editor's hint to its schema: allowed, as a text like any reference.
    if fields.optional("$schema", as: String.self) == nil, let schema = fields.object["$schema"],
      schema == .null
    {
      fields.report("$schema", .wrongType(expected: .string, found: .null))
    }
    let kinds = DocumentKind.allCases.map(\.rawValue)
    guard case .string(let kindText)? = fields.object["kind"] else {
      fields.report(
        fields.object["kind"] == nil ? nil : "kind",
        fields.object["kind"] == nil
          ? .missingKind(kinds: kinds) : .oneOf(kinds))
      return nil
    }
    fields.allow("kind")
    guard let kind = DocumentKind(rawValue: kindText) else {
      fields.report(
        "kind", .notAnImportedDocument(kinds: kinds))
      return nil
    }
    guard let version = fields.required("schemaVersion", as: Int.self) else { return kind }
    guard kind.supportedSchemaVersions.contains(version) else {
      fields.report(
        "schemaVersion",
        .unknownSchemaVersion(
          "\(version)", kind: kind.rawValue, supported: kind.supportedSchemaVersions.sorted()))
      return kind
    }
    fields.allow(kind.recordsKey)
    if recordsKey != kind.recordsKey {
      if skipped.contains(kind.recordsKey) {
        // Passed over after another kind's records: those are the unknown field reported.
      } else if let value = header[kind.recordsKey]?.0 {
        fields.report(kind.recordsKey, .wrongType(expected: .array, found: value.kind))
      } else {
        fields.report(nil, .missingField(kind.recordsKey))
      }
    }
    if kind == .publicRegister {
      let register = fields.required("register", as: String.self)
      let registerID = fields.optional("registerId", as: RegisterID.self)
      let publishedOn = fields.required("publishedOn", as: CalendarDate.self)
      // A signed register (`export public --signed`): its signer, its revocation list, its
      // proof. Whether the signer is trusted is the importing registry's to say.
      _ = fields.optional("issuer", as: String.self)
      fields.allow("statusList")
      fields.allow("proof")
      fields.rejectUnknownFields()
      if let register, let publishedOn, !fields.failed, streamed == .publicRegister {
        var document = JSONObject()
        for (key, value) in header { document.members.append(.init(key: key, value: value.0)) }
        document.members.append(.init(key: kind.recordsKey, value: .array(publicEntries.values)))
        emit(
          .publicRegister(
            PublicRegister(
              register: register, registerID: registerID, publishedOn: publishedOn,
              entries: publicEntries.entries, signature: .of(document))),
          .root)
      }
      return kind
    }
    fields.rejectUnknownFields()
    return kind
  }
}

/// A public register's entries as read, decoded and as they were (for its signature).
struct PublicEntries {
  var entries: [PublicRegisterEntry] = []
  var values: [JSONValue] = []
}
