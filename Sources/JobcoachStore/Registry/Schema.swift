import JobcoachCore

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
    """,
    // 2: the register: educations, accreditations, PE norms, portfolios, memberships.
    """
    CREATE TABLE educations (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      provider TEXT NOT NULL,
      recognised_from TEXT NOT NULL CHECK (date(recognised_from) IS recognised_from),
      recognised_until TEXT CHECK (recognised_until IS NULL OR date(recognised_until) IS recognised_until)
    ) STRICT;
    CREATE TABLE accreditations (
      code TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      provider TEXT NOT NULL,
      minutes INTEGER NOT NULL CHECK (minutes >= 0),
      valid_from TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
      valid_until TEXT CHECK (valid_until IS NULL OR date(valid_until) IS valid_until)
    ) STRICT;
    CREATE TABLE pe_norms (
      effective_from TEXT PRIMARY KEY CHECK (date(effective_from) IS effective_from),
      name TEXT NOT NULL,
      cycle_years INTEGER NOT NULL,
      total_minutes INTEGER NOT NULL,
      minimum_accredited_minutes INTEGER NOT NULL,
      maximum_free_minutes INTEGER NOT NULL,
      practice_minutes INTEGER,
      selection TEXT NOT NULL CHECK (selection IN ('cycle-start', 'cycle-end'))
    ) STRICT;
    CREATE TABLE portfolios (
      coach_id TEXT PRIMARY KEY REFERENCES coaches(id) ON DELETE CASCADE,
      registered_since TEXT CHECK (registered_since IS NULL OR date(registered_since) IS registered_since)
    ) STRICT;
    CREATE TABLE education_diplomas (
      coach_id TEXT NOT NULL REFERENCES portfolios(coach_id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      education_id TEXT NOT NULL,
      issued_on TEXT NOT NULL CHECK (date(issued_on) IS issued_on),
      evidence_document TEXT NOT NULL,
      evidence_issuer TEXT NOT NULL,
      PRIMARY KEY (coach_id, position)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE experience (
      coach_id TEXT NOT NULL REFERENCES portfolios(coach_id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      valid_from TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
      valid_until TEXT NOT NULL CHECK (date(valid_until) IS valid_until),
      minutes INTEGER NOT NULL CHECK (minutes >= 0),
      description TEXT NOT NULL,
      evidence_document TEXT NOT NULL,
      evidence_issuer TEXT NOT NULL,
      PRIMARY KEY (coach_id, position)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE pe_activities (
      coach_id TEXT NOT NULL REFERENCES portfolios(coach_id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      activity_date TEXT NOT NULL CHECK (date(activity_date) IS activity_date),
      minutes INTEGER NOT NULL CHECK (minutes > 0),
      title TEXT NOT NULL,
      provider TEXT NOT NULL,
      category TEXT NOT NULL CHECK (category IN ('accredited', 'free')),
      accreditation_code TEXT,
      evidence_document TEXT,
      evidence_issuer TEXT,
      PRIMARY KEY (coach_id, id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX pe_activities_by_coach_date
      ON pe_activities(coach_id, activity_date, category, minutes);
    CREATE TABLE memberships (
      coach_id TEXT PRIMARY KEY REFERENCES coaches(id) ON DELETE CASCADE,
      register_number TEXT NOT NULL UNIQUE,
      admitted_on TEXT NOT NULL CHECK (date(admitted_on) IS admitted_on),
      route TEXT NOT NULL CHECK (route IN ('entry-requirements', 'earlier-admission'))
    ) STRICT;
    CREATE TABLE membership_status_changes (
      coach_id TEXT NOT NULL REFERENCES memberships(coach_id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      change_date TEXT NOT NULL CHECK (date(change_date) IS change_date),
      status TEXT NOT NULL
        CHECK (status IN ('applicant', 'registered', 'assessment-due', 'suspended', 'removed')),
      rule TEXT NOT NULL,
      decision TEXT NOT NULL,
      PRIMARY KEY (coach_id, position)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE assessments (
      coach_id TEXT NOT NULL REFERENCES memberships(coach_id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      submitted_on TEXT CHECK (submitted_on IS NULL OR date(submitted_on) IS submitted_on),
      judged_on TEXT NOT NULL CHECK (date(judged_on) IS judged_on),
      result TEXT NOT NULL CHECK (result IN ('sufficient', 'insufficient')),
      improvement_points TEXT,
      deadline TEXT CHECK (deadline IS NULL OR date(deadline) IS deadline),
      PRIMARY KEY (coach_id, position)
    ) STRICT, WITHOUT ROWID;
    """,
    // 3: grants, coaching plans, absences and hour bookings of placements (F, P, K rules).
    """
    ALTER TABLE placements ADD COLUMN wage_cost_subsidy INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE policies ADD COLUMN light_year1_cents INTEGER NOT NULL DEFAULT 270000;
    ALTER TABLE policies ADD COLUMN light_year2_cents INTEGER NOT NULL DEFAULT 140000;
    ALTER TABLE policies ADD COLUMN light_year3_cents INTEGER NOT NULL DEFAULT 140000;
    ALTER TABLE policies ADD COLUMN medium_year1_cents INTEGER NOT NULL DEFAULT 450000;
    ALTER TABLE policies ADD COLUMN medium_year2_cents INTEGER NOT NULL DEFAULT 270000;
    ALTER TABLE policies ADD COLUMN medium_year3_cents INTEGER NOT NULL DEFAULT 140000;
    ALTER TABLE policies ADD COLUMN shifts_between_years INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE policies ADD COLUMN motivated_exceptions INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE policies ADD COLUMN reporting_minutes_per_report INTEGER NOT NULL DEFAULT 120;
    ALTER TABLE policies ADD COLUMN employer_coaching_years INTEGER NOT NULL DEFAULT 3;
    CREATE TABLE grants (
      placement_id TEXT PRIMARY KEY REFERENCES placements(id) ON DELETE CASCADE,
      level TEXT NOT NULL CHECK (level IN ('light', 'medium')),
      hourly_rate_cents INTEGER NOT NULL CHECK (hourly_rate_cents >= 0),
      package TEXT CHECK (package IS NULL
        OR package IN ('trial-placement', 'package-0', 'package-1', 'package-2')),
      motivation_document TEXT,
      motivation_issuer TEXT,
      motivation_summary TEXT
    ) STRICT;
    CREATE TABLE grant_periods (
      placement_id TEXT NOT NULL REFERENCES grants(placement_id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      start_on TEXT NOT NULL CHECK (date(start_on) IS start_on),
      end_on TEXT NOT NULL CHECK (date(end_on) IS end_on),
      amount_cents INTEGER CHECK (amount_cents IS NULL OR amount_cents >= 0),
      result TEXT,
      PRIMARY KEY (placement_id, position)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE coaching_plans (
      placement_id TEXT PRIMARY KEY REFERENCES placements(id) ON DELETE CASCADE,
      agreed_on TEXT NOT NULL CHECK (date(agreed_on) IS agreed_on),
      agreed_by TEXT NOT NULL
    ) STRICT;
    CREATE TABLE plan_goals (
      placement_id TEXT NOT NULL REFERENCES coaching_plans(placement_id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      goal_id TEXT NOT NULL,
      category TEXT NOT NULL,
      description TEXT NOT NULL,
      activities TEXT NOT NULL,
      PRIMARY KEY (placement_id, position),
      UNIQUE (placement_id, goal_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE absences (
      placement_id TEXT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      start_on TEXT NOT NULL CHECK (date(start_on) IS start_on),
      end_on TEXT NOT NULL CHECK (date(end_on) IS end_on),
      reason TEXT NOT NULL CHECK (reason IN ('sick', 'holiday')),
      approval_document TEXT,
      approval_issuer TEXT,
      approved_on TEXT CHECK (approved_on IS NULL OR date(approved_on) IS approved_on),
      PRIMARY KEY (placement_id, position)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE hour_bookings (
      id TEXT PRIMARY KEY,
      placement_id TEXT NOT NULL REFERENCES placements(id),
      coach_id TEXT NOT NULL REFERENCES coaches(id),
      booked_on TEXT NOT NULL CHECK (date(booked_on) IS booked_on),
      minutes INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
      activity TEXT NOT NULL,
      goals TEXT NOT NULL,
      contact TEXT CHECK (contact IS NULL OR contact IN ('visit', 'call')),
      work_related INTEGER,
      wage_subsidy_check INTEGER NOT NULL,
      description TEXT
    ) STRICT;
    CREATE INDEX hour_bookings_by_placement ON hour_bookings(placement_id, booked_on);
    """,
    // 4: the audit trail, append-only and hash-chained.
    """
    CREATE TABLE audit_log (
      sequence INTEGER PRIMARY KEY,
      recorded_at TEXT NOT NULL,
      recorded_on TEXT NOT NULL CHECK (date(recorded_on) IS recorded_on),
      command TEXT NOT NULL,
      actor TEXT NOT NULL,
      subject_kind TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      field TEXT NOT NULL,
      old_value TEXT,
      new_value TEXT,
      document_hash TEXT,
      reason TEXT NOT NULL,
      previous_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_log_by_subject ON audit_log(subject_id);
    CREATE TRIGGER audit_log_is_never_updated BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit records are never changed'); END;
    CREATE TRIGGER audit_log_is_never_deleted BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit records are never deleted'); END;
    """,
    // 5: the association's public register as a municipality imports it; coaches' numbers.
    """
    ALTER TABLE coaches ADD COLUMN register_number TEXT;
    ALTER TABLE policies ADD COLUMN reminder_stages TEXT NOT NULL DEFAULT '6m,12w,30d,7d';
    CREATE TABLE public_register (
      register_number TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('registered', 'assessment-due', 'suspended')),
      registered_since TEXT NOT NULL CHECK (date(registered_since) IS registered_since),
      valid_until TEXT CHECK (valid_until IS NULL OR date(valid_until) IS valid_until),
      register TEXT NOT NULL,
      published_on TEXT NOT NULL CHECK (date(published_on) IS published_on)
    ) STRICT;
    """,
    // 6: the PE covering index also holds the accreditation code, so `check` sums a cycle and
    // sees whether every claim stands from the index alone.
    """
    DROP INDEX pe_activities_by_coach_date;
    CREATE INDEX pe_activities_by_coach_date
      ON pe_activities(coach_id, activity_date, category, minutes, accreditation_code);
    """,
    // 7: the registry's settings: the municipality whose policy applies when a caller names
    // none (`jobcoach init --municipality`). Not a reference: it may be set before the
    // municipality is imported.
    """
    CREATE TABLE settings (
      name TEXT PRIMARY KEY CHECK (name IN ('default-municipality')),
      value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 64)
    ) STRICT;
    """,
    // 8: a PE activity's date as its day number (days since 1970-01-01), which SQLite checks
    // and compares as one integer: the national table's million rows are checked on every
    // import (a text date costs SQLite a parse and a format per row to check), and `check`
    // compares and hands the days to the domain without reading text. The covering index
    // goes: the table is ordered by coach, so a coach's cycle is one short range of it, and an
    // import no longer builds a quarter of the file again at its end. Hour bookings the same
    // way: their days as numbers, the table ordered by placement and day (so `check` reads
    // each placement's bookings in one pass, without an index lookup per row), the id kept
    // unique beside it.
    """
    CREATE TABLE pe_activities_by_day (
      coach_id TEXT NOT NULL REFERENCES portfolios(coach_id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      activity_day INTEGER NOT NULL \(dayCheck("activity_day")),
      minutes INTEGER NOT NULL CHECK (minutes > 0),
      title TEXT NOT NULL,
      provider TEXT NOT NULL,
      category TEXT NOT NULL CHECK (category IN ('accredited', 'free')),
      accreditation_code TEXT,
      evidence_document TEXT,
      evidence_issuer TEXT,
      PRIMARY KEY (coach_id, id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO pe_activities_by_day
      SELECT coach_id, id, CAST(julianday(activity_date) - 2440587.5 AS INTEGER), minutes, title,
        provider, category, accreditation_code, evidence_document, evidence_issuer
      FROM pe_activities;
    DROP TABLE pe_activities;
    ALTER TABLE pe_activities_by_day RENAME TO pe_activities;
    CREATE TABLE hour_bookings_by_day (
      id TEXT NOT NULL UNIQUE,
      placement_id TEXT NOT NULL REFERENCES placements(id),
      coach_id TEXT NOT NULL REFERENCES coaches(id),
      booked_day INTEGER NOT NULL \(dayCheck("booked_day")),
      minutes INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
      activity TEXT NOT NULL,
      goals TEXT NOT NULL,
      contact TEXT CHECK (contact IS NULL OR contact IN ('visit', 'call')),
      work_related INTEGER,
      wage_subsidy_check INTEGER NOT NULL,
      description TEXT,
      PRIMARY KEY (placement_id, booked_day, id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO hour_bookings_by_day
      SELECT id, placement_id, coach_id, CAST(julianday(booked_on) - 2440587.5 AS INTEGER),
        minutes, activity, goals, contact, work_related, wage_subsidy_check, description
      FROM hour_bookings;
    DROP TABLE hour_bookings;
    ALTER TABLE hour_bookings_by_day RENAME TO hour_bookings;
    """,
    // 9: a reason in the audit trail can be erased (with the coach it is about), its digest
    // kept: records of chain version 2 are hashed over the reason's SHA-256, not its words.
    // The table is made again (a reason may now be NULL); the upgrade then re-seals a whole
    // trail of version 1 (`RegistryStore.resealAuditTrail`). The one change the guard lets
    // through is a reason's words set to NULL, nothing else.
    """
    CREATE TABLE audit_log_erasable (
      sequence INTEGER PRIMARY KEY,
      recorded_at TEXT NOT NULL,
      recorded_on TEXT NOT NULL CHECK (date(recorded_on) IS recorded_on),
      command TEXT NOT NULL,
      actor TEXT NOT NULL,
      subject_kind TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      field TEXT NOT NULL,
      old_value TEXT,
      new_value TEXT,
      document_hash TEXT,
      reason TEXT,
      reason_sha256 TEXT CHECK (reason_sha256 IS NULL OR length(reason_sha256) = 64),
      chain_version INTEGER NOT NULL CHECK (chain_version IN (1, 2)),
      previous_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      CHECK (chain_version = 1 OR reason_sha256 IS NOT NULL),
      CHECK (reason IS NOT NULL OR chain_version = 2)
    ) STRICT;
    INSERT INTO audit_log_erasable
      SELECT sequence, recorded_at, recorded_on, command, actor, subject_kind, subject_id, field,
        old_value, new_value, document_hash, reason, NULL, 1, previous_hash, hash
      FROM audit_log;
    DROP TABLE audit_log;
    ALTER TABLE audit_log_erasable RENAME TO audit_log;
    CREATE INDEX audit_log_by_subject ON audit_log(subject_id);
    """ + auditGuards.map(\.sql).joined(separator: "\n"),
    // 10: registers as data (R-REG-1). A register holds its admission hours, the educations it
    // recognises, its renewal terms; its norms name it. A coach has a membership per register.
    // Every membership, status change, assessment and norm of before is the seed's register's
    // (BvJN), which the registry always holds. A policy may name the registers it accepts for
    // Q-POL-4, per coach kind.
    """
    CREATE TABLE registers (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      admission_minutes INTEGER NOT NULL CHECK (admission_minutes >= 0),
      diploma_admission_minutes INTEGER
        CHECK (diploma_admission_minutes IS NULL OR diploma_admission_minutes >= 0),
      lists_recognised_educations INTEGER NOT NULL CHECK (lists_recognised_educations IN (0, 1)),
      renewal_window_months INTEGER NOT NULL CHECK (renewal_window_months BETWEEN 0 AND 60),
      grace_months INTEGER NOT NULL CHECK (grace_months BETWEEN 0 AND 60)
    ) STRICT;
    CREATE TABLE register_educations (
      register_id TEXT NOT NULL REFERENCES registers(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('recognised', 'lowers-admission')),
      position INTEGER NOT NULL,
      education_id TEXT NOT NULL,
      PRIMARY KEY (register_id, role, position)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO registers VALUES
      ('BvJN', 'Register Beroepsvereniging Jobcoaches Nederland', 84000, NULL, 0, 6, 3);

    CREATE TEMP TABLE old_norms AS SELECT * FROM pe_norms;
    CREATE TEMP TABLE old_memberships AS SELECT * FROM memberships;
    CREATE TEMP TABLE old_changes AS SELECT * FROM membership_status_changes;
    CREATE TEMP TABLE old_assessments AS SELECT * FROM assessments;
    DROP TABLE pe_norms;
    DROP TABLE membership_status_changes;
    DROP TABLE assessments;
    DROP TABLE memberships;

    CREATE TABLE pe_norms (
      register_id TEXT NOT NULL REFERENCES registers(id) ON DELETE CASCADE,
      effective_from TEXT NOT NULL CHECK (date(effective_from) IS effective_from),
      name TEXT NOT NULL,
      cycle_years INTEGER NOT NULL CHECK (cycle_years BETWEEN 1 AND 10),
      total_minutes INTEGER NOT NULL,
      minimum_accredited_minutes INTEGER NOT NULL,
      maximum_free_minutes INTEGER NOT NULL,
      practice_minutes INTEGER,
      selection TEXT NOT NULL CHECK (selection IN ('cycle-start', 'cycle-end')),
      PRIMARY KEY (register_id, effective_from)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE memberships (
      register_id TEXT NOT NULL REFERENCES registers(id),
      coach_id TEXT NOT NULL REFERENCES coaches(id) ON DELETE CASCADE,
      register_number TEXT NOT NULL,
      admitted_on TEXT NOT NULL CHECK (date(admitted_on) IS admitted_on),
      route TEXT NOT NULL CHECK (route IN ('entry-requirements', 'earlier-admission')),
      PRIMARY KEY (coach_id, register_id),
      UNIQUE (register_id, register_number)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE membership_status_changes (
      coach_id TEXT NOT NULL,
      register_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      change_date TEXT NOT NULL CHECK (date(change_date) IS change_date),
      status TEXT NOT NULL
        CHECK (status IN ('applicant', 'registered', 'assessment-due', 'suspended', 'removed')),
      rule TEXT NOT NULL,
      decision TEXT NOT NULL,
      PRIMARY KEY (coach_id, register_id, position),
      FOREIGN KEY (coach_id, register_id) REFERENCES memberships(coach_id, register_id)
        ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE assessments (
      coach_id TEXT NOT NULL,
      register_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      submitted_on TEXT CHECK (submitted_on IS NULL OR date(submitted_on) IS submitted_on),
      judged_on TEXT NOT NULL CHECK (date(judged_on) IS judged_on),
      result TEXT NOT NULL CHECK (result IN ('sufficient', 'insufficient')),
      improvement_points TEXT,
      deadline TEXT CHECK (deadline IS NULL OR date(deadline) IS deadline),
      PRIMARY KEY (coach_id, register_id, position),
      FOREIGN KEY (coach_id, register_id) REFERENCES memberships(coach_id, register_id)
        ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;

    INSERT INTO pe_norms SELECT 'BvJN', effective_from, name, cycle_years, total_minutes,
      minimum_accredited_minutes, maximum_free_minutes, practice_minutes, selection
      FROM old_norms;
    INSERT INTO memberships SELECT 'BvJN', coach_id, register_number, admitted_on, route
      FROM old_memberships;
    INSERT INTO membership_status_changes SELECT coach_id, 'BvJN', position, change_date, status,
      rule, decision FROM old_changes;
    INSERT INTO assessments SELECT coach_id, 'BvJN', position, submitted_on, judged_on, result,
      improvement_points, deadline FROM old_assessments;
    DROP TABLE old_norms;
    DROP TABLE old_memberships;
    DROP TABLE old_changes;
    DROP TABLE old_assessments;

    ALTER TABLE policies ADD COLUMN municipal_registers TEXT NOT NULL DEFAULT '';
    ALTER TABLE policies ADD COLUMN internal_registers TEXT NOT NULL DEFAULT '';
    ALTER TABLE policies ADD COLUMN external_registers TEXT NOT NULL DEFAULT '';
    ALTER TABLE public_register ADD COLUMN register_id TEXT;
    """,
    // 11: who coaches a placement when (Q-ASG-1): assignments, each with its coach, delivering
    // organisation, dates, role and the coach's facts for this placement (Q-INT-3, Q-INT-4).
    // A placement's single coach of before becomes one main assignment over its dates, with
    // its facts; the placement's own coach and fact columns are emptied (SQLite cannot drop a
    // column a foreign key uses) and no longer read.
    """
    CREATE TABLE assignments (
      placement_id TEXT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      coach_id TEXT NOT NULL REFERENCES coaches(id) ON DELETE CASCADE,
      organisation_id TEXT REFERENCES organisations(id),
      start_on TEXT NOT NULL CHECK (date(start_on) IS start_on),
      end_on TEXT CHECK (end_on IS NULL OR (date(end_on) IS end_on AND end_on >= start_on)),
      role TEXT NOT NULL CHECK (role IN ('main', 'standIn')),
      task_experience_document TEXT,
      task_experience_issuer TEXT,
      exemption_minutes_per_week INTEGER CHECK (exemption_minutes_per_week >= 0),
      exemption_document TEXT,
      exemption_issuer TEXT,
      PRIMARY KEY (placement_id, position)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX assignments_by_coach ON assignments(coach_id);
    INSERT INTO assignments
      SELECT id, 0, coach_id, NULL, start_on, end_on, 'main', task_experience_document,
        task_experience_issuer, exemption_minutes_per_week, exemption_document, exemption_issuer
      FROM placements WHERE coach_id IS NOT NULL;
    UPDATE placements SET coach_id = NULL, task_experience_document = NULL,
      task_experience_issuer = NULL, exemption_minutes_per_week = NULL, exemption_document = NULL,
      exemption_issuer = NULL;
    """,
    // 12: hours a funder can trust. Accountability reports as records (P-3 per report); a
    // booking names its report and with whom a contact was (K-2); funder decisions on held
    // hours (F-7); a policy's internal rate for municipal coaches (F-4) and its threshold for
    // motivated deviations (F-5).
    """
    CREATE TABLE accountability_reports (
      placement_id TEXT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      id TEXT NOT NULL,
      start_on TEXT NOT NULL CHECK (date(start_on) IS start_on),
      end_on TEXT NOT NULL CHECK (date(end_on) IS end_on AND end_on >= start_on),
      delivered_on TEXT NOT NULL CHECK (date(delivered_on) IS delivered_on),
      PRIMARY KEY (placement_id, position),
      UNIQUE (placement_id, id)
    ) STRICT, WITHOUT ROWID;
    ALTER TABLE hour_bookings ADD COLUMN report_id TEXT;
    ALTER TABLE hour_bookings ADD COLUMN contact_with TEXT NOT NULL DEFAULT ''
      CHECK (contact_with IN ('', 'employer', 'worker', 'employer,worker'));
    CREATE TABLE funder_decisions (
      id TEXT PRIMARY KEY,
      placement_id TEXT NOT NULL REFERENCES placements(id),
      outcome TEXT NOT NULL CHECK (outcome IN ('accept', 'reject')),
      reason TEXT NOT NULL CHECK (length(reason) > 0),
      decided_by TEXT NOT NULL CHECK (length(decided_by) > 0),
      decided_on TEXT NOT NULL CHECK (date(decided_on) IS decided_on)
    ) STRICT;
    CREATE INDEX funder_decisions_by_placement ON funder_decisions(placement_id);
    CREATE TABLE funder_decision_bookings (
      decision_id TEXT NOT NULL REFERENCES funder_decisions(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      booking_id TEXT NOT NULL,
      PRIMARY KEY (decision_id, position)
    ) STRICT, WITHOUT ROWID;
    ALTER TABLE policies ADD COLUMN municipal_rate_cents INTEGER
      CHECK (municipal_rate_cents IS NULL OR municipal_rate_cents >= 0);
    ALTER TABLE policies ADD COLUMN deviation_share_percent INTEGER NOT NULL DEFAULT 10
      CHECK (deviation_share_percent BETWEEN 0 AND 100);
    """,
    // 13: PE activities and experience read from spreadsheets (CSV lists, a provider's
    // attendance list) belong to their list, not to the portfolio document: a portfolio
    // replaces only its own rows, so importing both again changes nothing.
    """
    ALTER TABLE pe_activities ADD COLUMN origin TEXT NOT NULL DEFAULT 'portfolio'
      CHECK (origin IN ('portfolio', 'list'));
    ALTER TABLE experience ADD COLUMN origin TEXT NOT NULL DEFAULT 'portfolio'
      CHECK (origin IN ('portfolio', 'list'));
    """,
    // 14: trust that travels (issue 19). The keys the registry signs with (by their did:key
    // and the file that holds the private key, which stays out of the registry; one in use),
    // the issuers whose signed registers it accepts, and the statements it signed, each with
    // its place in the issuer's revocation list (W3C Bitstring Status List: 131,072 places).
    """
    CREATE TABLE issuing_keys (
      did TEXT PRIMARY KEY CHECK (did GLOB 'did:key:z*' AND length(did) <= 128),
      key_file TEXT NOT NULL CHECK (length(key_file) BETWEEN 1 AND 4096),
      in_use INTEGER NOT NULL CHECK (in_use IN (0, 1))
    ) STRICT;
    CREATE UNIQUE INDEX issuing_keys_one_in_use ON issuing_keys(in_use) WHERE in_use = 1;
    CREATE TABLE trusted_issuers (
      did TEXT PRIMARY KEY CHECK (did GLOB 'did:key:z*' AND length(did) <= 128),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
    ) STRICT;
    CREATE TABLE issued_statements (
      id TEXT PRIMARY KEY CHECK (id GLOB 'urn:uuid:*' AND length(id) = 45),
      issuer TEXT NOT NULL CHECK (issuer GLOB 'did:key:z*'),
      status_index INTEGER NOT NULL CHECK (status_index BETWEEN 0 AND 131071),
      coach_id TEXT NOT NULL,
      verified_day INTEGER NOT NULL \(dayCheck("verified_day")),
      revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
      UNIQUE (issuer, status_index)
    ) STRICT;
    """,
    // 15: who may use the web API (issue 20). A token by its holder's name (the actor of what
    // it writes), its role and scope, and the SHA-256 of its secret (the secret itself is
    // shown once, never kept). A municipality's token names its municipality, a coach's its
    // coach, the association's neither. Revoked, it stays, with the day.
    """
    CREATE TABLE api_tokens (
      name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
      role TEXT NOT NULL CHECK (role IN ('association', 'municipality', 'coach')),
      municipality TEXT CHECK ((role = 'municipality') = (municipality IS NOT NULL)),
      coach_id TEXT CHECK ((role = 'coach') = (coach_id IS NOT NULL)),
      secret_sha256 TEXT NOT NULL UNIQUE CHECK (length(secret_sha256) = 64),
      issued_day INTEGER NOT NULL \(dayCheck("issued_day")),
      revoked_day INTEGER CHECK (revoked_day IS NULL OR revoked_day >= issued_day)
    ) STRICT;
    """,
  ]

  /// A trigger that guards the audit trail, as `audit verify` expects to find it.
  struct AuditGuard {
    let name: String
    let sql: String
  }

  /// The audit trail's guards: no record is deleted; no record changes but for the words of a
  /// reason erased (set to NULL) in a record of chain version 2.
  static let auditGuards = [auditNeverDeleted, auditNeverUpdated]

  static let auditNeverDeleted = AuditGuard(
    name: "audit_log_is_never_deleted",
    sql: """
      CREATE TRIGGER audit_log_is_never_deleted BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit records are never deleted'); END;
      """)

  static let auditNeverUpdated = AuditGuard(
    name: "audit_log_is_never_updated",
    sql: """
      CREATE TRIGGER audit_log_is_never_updated BEFORE UPDATE ON audit_log
        WHEN NOT (OLD.chain_version = 2 AND OLD.reason IS NOT NULL AND NEW.reason IS NULL
          AND NEW.sequence IS OLD.sequence AND NEW.recorded_at IS OLD.recorded_at
          AND NEW.recorded_on IS OLD.recorded_on AND NEW.command IS OLD.command
          AND NEW.actor IS OLD.actor AND NEW.subject_kind IS OLD.subject_kind
          AND NEW.subject_id IS OLD.subject_id AND NEW.field IS OLD.field
          AND NEW.old_value IS OLD.old_value AND NEW.new_value IS OLD.new_value
          AND NEW.document_hash IS OLD.document_hash
          AND NEW.reason_sha256 IS OLD.reason_sha256
          AND NEW.chain_version IS OLD.chain_version
          AND NEW.previous_hash IS OLD.previous_hash AND NEW.hash IS OLD.hash)
        BEGIN SELECT RAISE(ABORT, 'audit records are never changed'); END;
      """)

  /// A CHECK that `column` is the day number of a date from 0001-01-01 to 9999-12-31, the
  /// dates `CalendarDate` reads and writes.
  static func dayCheck(_ column: String) -> String {
    "CHECK (\(column) BETWEEN \(CalendarDate.earliest.daysSinceEpoch) AND "
      + "\(CalendarDate.latest.daysSinceEpoch))"
  }

  static var currentVersion: Int { migrations.count }
}
