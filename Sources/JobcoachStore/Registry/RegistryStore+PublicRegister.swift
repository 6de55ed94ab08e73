import JobcoachCore

extension RegistryStore {
  /// The public register imported last; nil when none was.
  public func publicRegister() throws(StoreError) -> PublicRegister? {
    try wrap { () throws(SQLiteError) in try loadPublicRegister() }
  }

  /// The imported public register with only the entry for `number` (none when it is not
  /// listed); nil when no public register was imported. One indexed lookup, for `verify`.
  public func publicRegister(listing number: String) throws(StoreError) -> PublicRegister? {
    try wrap { () throws(SQLiteError) in
      let header = try database.prepare(
        "SELECT register, published_on, register_id FROM public_register LIMIT 1")
      guard try header.step() else { return nil }
      var register = PublicRegister(
        register: header.text(0) ?? "", registerID: header.text(2).map(RegisterID.init(rawValue:)),
        publishedOn: try date(header, 1), entries: [])
      register.entries =
        try loadPublicRegister(where: "WHERE register_number = ?", [.text(number)])?
        .entries ?? []
      return register
    }
  }

  func loadPublicRegister(where clause: String = "", _ values: [SQLValue] = []) throws(SQLiteError)
    -> PublicRegister?
  {
    let rows = try database.prepare(
      """
      SELECT register_number, name, status, registered_since, valid_until, register, published_on,
        register_id
      FROM public_register \(clause) ORDER BY register_number
      """)
    try rows.bind(values)
    var register: PublicRegister?
    while try rows.step() {
      let entry = PublicRegisterEntry(
        registerNumber: rows.text(0) ?? "", name: rows.text(1) ?? "",
        status: try value(rows, 2, "public_register.status"),
        registeredSince: try date(rows, 3), validUntil: try optionalDate(rows, 4))
      if register == nil {
        register = PublicRegister(
          register: rows.text(5) ?? "", registerID: rows.text(7).map(RegisterID.init(rawValue:)),
          publishedOn: try date(rows, 6), entries: [])
      }
      register?.entries.append(entry)
    }
    return register
  }
}

extension ImportWriter {
  /// A newer export replaces the public register whole: a coach no longer in it is gone.
  func write(_ registers: [PublicRegister]) throws(SQLiteError) -> ImportSummary.Counts {
    var counts = ImportSummary.Counts()
    guard let first = registers.first else { return counts }
    let old = Dictionary(
      (try store.loadPublicRegister()?.entries ?? []).map { ($0.registerNumber, $0) },
      uniquingKeysWith: { a, _ in a })
    try database.execute("DELETE FROM public_register")
    let insert = try database.cached(
      """
      INSERT INTO public_register (register_number, name, status, registered_since, valid_until,
        register, published_on, register_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """)
    for register in registers {
      for entry in register.entries {
        switch old[entry.registerNumber] {
        case nil: counts.created += 1
        case entry?: counts.unchanged += 1
        default: counts.updated += 1
        }
        try insert.run([
          .text(entry.registerNumber), .text(entry.name), .text(entry.status.rawValue),
          SQLValue(entry.registeredSince), SQLValue(entry.validUntil), .text(first.register),
          SQLValue(first.publishedOn), SQLValue(first.registerID),
        ])
      }
    }
    return counts
  }
}
