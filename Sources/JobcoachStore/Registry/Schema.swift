/// The registry's schema, as ordered migrations. `PRAGMA user_version` records how many ran.
enum Schema {
  /// Marks the file as a jobcoach registry ("JCRG").
  static let applicationID: Int64 = 0x4A43_5247

  static let migrations: [String] = [
    // 1: organisations, coaches, placements, policies.
    """
    CREATE TABLE organisations (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL
        CHECK (kind IN ('municipality', 'employer', 'coaching-organisation', 'self-employed'))
    ) STRICT;
    CREATE TABLE recognitions (
      organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      framework INTEGER NOT NULL,
      valid_from TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
      valid_until TEXT CHECK (valid_until IS NULL OR date(valid_until) IS valid_until),
      evidence_document TEXT NOT NULL,
      evidence_issuer TEXT NOT NULL,
      withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR date(withdrawn_on) IS withdrawn_on),
      PRIMARY KEY (organisation_id, position)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE coaches (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL
    ) STRICT;
    CREATE TABLE employments (
      coach_id TEXT NOT NULL REFERENCES coaches(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      organisation_id TEXT NOT NULL REFERENCES organisations(id),
      kind TEXT NOT NULL CHECK (kind IN ('municipal', 'internal', 'external')),
      valid_from TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
      valid_until TEXT CHECK (valid_until IS NULL OR date(valid_until) IS valid_until),
      PRIMARY KEY (coach_id, position)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX employments_by_organisation ON employments(organisation_id);
    CREATE TABLE qualifications (
      coach_id TEXT NOT NULL REFERENCES coaches(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      issued_on TEXT NOT NULL CHECK (date(issued_on) IS issued_on),
      expires_on TEXT CHECK (expires_on IS NULL OR date(expires_on) IS expires_on),
      issuer TEXT NOT NULL,
      evidence_document TEXT,
      evidence_issuer TEXT,
      PRIMARY KEY (coach_id, position)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE placements (
      id TEXT PRIMARY KEY,
      municipality_id TEXT REFERENCES organisations(id),
      employer_id TEXT NOT NULL REFERENCES organisations(id),
      coach_id TEXT REFERENCES coaches(id),
      worker_ref TEXT NOT NULL,
      start_on TEXT NOT NULL CHECK (date(start_on) IS start_on),
      end_on TEXT CHECK (end_on IS NULL OR date(end_on) IS end_on),
      funder TEXT NOT NULL CHECK (funder IN ('municipality', 'uwv')),
      appointed_through_municipality INTEGER NOT NULL,
      task_experience_document TEXT,
      task_experience_issuer TEXT,
      exemption_minutes_per_week INTEGER,
      exemption_document TEXT,
      exemption_issuer TEXT
    ) STRICT;
    CREATE INDEX placements_by_coach ON placements(coach_id);
    CREATE TABLE policies (
      id TEXT NOT NULL,
      effective_from TEXT NOT NULL CHECK (date(effective_from) IS effective_from),
      name TEXT NOT NULL,
      municipality_id TEXT REFERENCES organisations(id),
      funds_internal_coaching INTEGER NOT NULL,
      external_policy TEXT NOT NULL
        CHECK (external_policy IN ('free-choice', 'approved-list', 'through-municipality')),
      minimum_framework INTEGER NOT NULL,
      municipal_requirements TEXT NOT NULL,
      internal_requirements TEXT NOT NULL,
      external_requirements TEXT NOT NULL,
      PRIMARY KEY (id, effective_from)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX policies_by_municipality ON policies(municipality_id);
    CREATE TABLE policy_approved_organisations (
      policy_id TEXT NOT NULL,
      effective_from TEXT NOT NULL,
      position INTEGER NOT NULL,
      organisation_id TEXT NOT NULL REFERENCES organisations(id),
      PRIMARY KEY (policy_id, effective_from, position),
      FOREIGN KEY (policy_id, effective_from) REFERENCES policies(id, effective_from)
        ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    """
  ]

  static var currentVersion: Int { migrations.count }
}
