#!/usr/bin/env python3
"""Writes the malformed-document corpus next to this file: each case is a document (or a
directory of documents) that `jobcoach import` must refuse with exit 65, naming the file, the
place and the problem, leaving the registry as it was. manifest.json says, per case, which
place and which words the message must hold. Run from anywhere; it reads ../../../Samples.

usage: python3 Tests/JobcoachCLITests/Corpus/generate.py
"""
import copy
import json
import pathlib
import shutil

here = pathlib.Path(__file__).resolve().parent
samples = here.parent.parent.parent / "Samples"
cases = here / "cases"
shutil.rmtree(cases, ignore_errors=True)
cases.mkdir()
manifest = []

KEYS = {"pe-norms": "norms", "hour-bookings": "bookings", "public-register": "entries",
        "funder-decisions": "decisions"}


def base(kind):
    """A valid record of `kind` that does not clash with the samples."""
    key = KEYS.get(kind, kind)
    if kind == "public-register":
        return {"registerNumber": "RJC-99001", "name": "Corpus Coach", "status": "registered",
                "registeredSince": "2022-01-01", "validUntil": "2026-12-31"}
    records = json.load(open(samples / f"{kind}.json"))[key]
    # The first record that has every part the cases change.
    record = copy.deepcopy(next(r for r in records if (kind != "organisations" or "recognitions" in r)
                                and (kind != "registers" or "norms" in r)))
    for field in ("id", "code"):
        if field in record:
            record[field] = "CORPUS-" + kind.upper()
    if kind == "pe-norms":
        record["effectiveFrom"] = "2031-01-01"
    if kind == "memberships":
        record["coach"] = "JC-0015"
        record["registerNumber"] = "RJC-99002"
    if kind == "portfolios":
        record["coach"] = "JC-0015"
    return record


def document(kind, records):
    doc = {"kind": kind, "schemaVersion": 1, KEYS.get(kind, kind): records}
    if kind == "public-register":
        doc["register"] = "Corpus register"
        doc["publishedOn"] = "2026-11-01"
    return doc


def write(name, data, pointer, message):
    path = cases / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    manifest.append({"case": name, "place": pointer, "message": message})


def at(record, path):
    *parents, last = path
    for step in parents:
        record = record[step]
    return record, last


KINDS = ["organisations", "coaches", "placements", "policies", "educations", "accreditations",
         "registers", "pe-norms", "portfolios", "memberships", "hour-bookings", "funder-decisions",
         "public-register"]
REQUIRED = {
    "organisations": ["id", "name", "kind"], "coaches": ["id", "name"],
    "placements": ["id", "employer", "worker", "start"],
    "policies": ["id", "name", "effectiveFrom", "fundsInternalCoaching", "externalOrganisations"],
    "educations": ["id", "title", "provider", "recognisedFrom"],
    "accreditations": ["code", "title", "provider", "hours", "validFrom"],
    "pe-norms": ["effectiveFrom", "name", "cycleYears", "totalHours"],
    "registers": ["id", "name", "admissionHours"],
    "portfolios": ["coach"], "memberships": ["coach", "registerNumber", "admittedOn"],
    "hour-bookings": ["id", "placement", "coach", "date", "hours"],
    "funder-decisions": ["id", "placement", "bookings", "outcome", "reason", "decidedBy", "decidedOn"],
    "public-register": ["registerNumber", "name", "status", "registeredSince"],
}
DATES = {
    "organisations": ["recognitions", 0, "validFrom"], "coaches": ["employments", 0, "from"],
    "placements": ["start"], "policies": ["effectiveFrom"], "educations": ["recognisedFrom"],
    "accreditations": ["validFrom"], "pe-norms": ["effectiveFrom"],
    "registers": ["norms", 0, "effectiveFrom"], "portfolios": ["peActivities", 0, "date"], "memberships": ["admittedOn"],
    "hour-bookings": ["date"], "funder-decisions": ["decidedOn"],
    "public-register": ["registeredSince"],
}
TEXTS = {
    "organisations": ["name"], "coaches": ["name"], "placements": ["worker"],
    "policies": ["name"], "educations": ["title"], "accreditations": ["title"],
    "pe-norms": ["name"], "registers": ["name"], "portfolios": ["peActivities", 0, "title"],
    "memberships": ["statusChanges", 0, "decision"], "hour-bookings": ["description"],
    "funder-decisions": ["reason"],
    "public-register": ["name"],
}

for kind in KINDS:
    key = KEYS.get(kind, kind)
    good = base(kind)
    root = f"/{key}/0"
    # Every required field missing, one at a time.
    for field in REQUIRED[kind]:
        record = copy.deepcopy(good)
        del record[field]
        write(f"{kind}-missing-{field}.json", document(kind, [record]), root,
              f"missing required field '{field}'")
    # An unknown field.
    record = copy.deepcopy(good)
    record["dateOfBirth"] = "1980-01-01"
    write(f"{kind}-unknown-field.json", document(kind, [record]), f"{root}/dateOfBirth",
          "unknown field 'dateOfBirth'")
    # Dates that do not exist.
    for bad in ("2023-02-29", "2024-13-01", "01-02-2024"):
        record = copy.deepcopy(good)
        parent, last = at(record, DATES[kind])
        parent[last] = bad
        place = root + "".join(f"/{step}" for step in DATES[kind])
        write(f"{kind}-date-{bad}.json", document(kind, [record]), place,
              f"'{bad}' is not a calendar date")
    # A text field holding a number, and one holding a citizen service number.
    record = copy.deepcopy(good)
    parent, last = at(record, TEXTS[kind])
    parent[last] = 42
    place = root + "".join(f"/{step}" for step in TEXTS[kind])
    write(f"{kind}-wrong-type.json", document(kind, [record]), place, "expected ")
    record = copy.deepcopy(good)
    parent, last = at(record, TEXTS[kind])
    parent[last] = "111222333"
    write(f"{kind}-bsn.json", document(kind, [record]), place, "citizen service number")
    # Truncated in the middle.
    text = json.dumps(document(kind, [good]), indent=2)
    write(f"{kind}-truncated.json", text[: len(text) // 2].encode(), ":", "not valid JSON")
    # An unknown schema version and the records of another kind.
    doc = document(kind, [good])
    doc["schemaVersion"] = 7
    write(f"{kind}-schema-version.json", doc, "/schemaVersion", "schema version 7")

# Numbers that are not hours.
portfolio = base("portfolios")
for name, value, message in [
    ("negative", -8, "hours must not be negative"),
    ("text", "8", "hours as a text must be \"H:MM\""),
    ("precise", 1.001, "not a whole number of minutes"),
    ("exponent", "EXPONENT", "plain decimal number"),
]:
    record = copy.deepcopy(portfolio)
    record["peActivities"][0]["hours"] = value
    data = document("portfolios", [record])
    if value == "EXPONENT":  # json.dumps writes 1e2 as 100.0: spell it out
        data = json.dumps(data).replace('"EXPONENT"', "1e2").encode()
    write(f"portfolios-hours-{name}.json", data, "/portfolios/0/peActivities/0/hours", message)
booking = base("hour-bookings")
for name, value, message in [
    ("negative", -1, "hours must not be negative"), ("zero", 0, "books nothing"),
    ("too-many", 25, "at most 24 hours"), ("precise", 0.3333, "not a whole number of minutes"),
]:
    record = copy.deepcopy(booking)
    record["hours"] = value
    write(f"hour-bookings-hours-{name}.json", document("hour-bookings", [record]),
          "/bookings/0/hours", message)

# Ends before it starts.
organisation = base("organisations")
organisation["recognitions"][0]["validUntil"] = "2019-12-31"
write("organisations-recognition-ends-before-start.json",
      document("organisations", [organisation]), "/organisations/0/recognitions/0/validUntil",
      "the recognition ends (2019-12-31) before it starts")
coach = base("coaches")
coach["employments"][0]["until"] = "2001-01-01"
write("coaches-employment-ends-before-start.json", document("coaches", [coach]),
      "/coaches/0/employments/0/until", "the employment ends")
placement = base("placements")
placement["end"] = "2020-01-01"
write("placements-ends-before-start.json", document("placements", [placement]),
      "/placements/0/end", "the placement ends")

# References to what nobody knows.
record = base("portfolios")
record["coach"] = "JC-9999"
write("portfolios-unknown-coach.json", document("portfolios", [record]), "/portfolios/0/coach",
      "no coach with id 'JC-9999'")
record = base("coaches")
record["employments"][0]["organisation"] = "ORG-NOWHERE"
write("coaches-unknown-organisation.json", document("coaches", [record]),
      "/coaches/0/employments/0/organisation", "no organisation with id 'ORG-NOWHERE'")
record = base("hour-bookings")
record["placement"] = "PL-NOWHERE"
write("hour-bookings-unknown-placement.json", document("hour-bookings", [record]),
      "/bookings/0/placement", "no placement with id 'PL-NOWHERE'")
record = base("placements")
record["employer"] = "ORG-ZAANSTAD"
write("placements-employer-is-a-municipality.json", document("placements", [record]),
      "/placements/0/employer", "the employer of a placement must be a employer")

# Registers as data (R-REG-1): their numbers hold together, their references resolve.
record = base("registers")
record["accreditedDiplomaAdmission"]["hours"] = 1300
write("registers-diploma-hours-above-admission.json", document("registers", [record]),
      "/registers/0/accreditedDiplomaAdmission/hours", "at most the admission hours")
record = base("registers")
record["norms"][0]["register"] = "BvJN"
write("registers-norm-names-a-register.json", document("registers", [record]),
      "/registers/0/norms/0/register", "leave 'register' out")
record = base("registers")
record["norms"].append(dict(record["norms"][0], name="again"))
write("registers-two-norms-one-date.json", document("registers", [record]),
      "/registers/0/norms/1/effectiveFrom", "two norms of this register take effect on")
record = base("registers")
record["recognisedEducations"] = ["EDU-NOWHERE"]
write("registers-unknown-education.json", document("registers", [record]),
      "/registers/0/recognisedEducations/0", "no education with id 'EDU-NOWHERE'")
record = base("registers")
record["gracePeriodMonths"] = 61
write("registers-grace-too-long.json", document("registers", [record]),
      "/registers/0/gracePeriodMonths", "give 0 to 60 months")
record = base("memberships")
record["register"] = "NO-SUCH-REGISTER"
write("memberships-unknown-register.json", document("memberships", [record]),
      "/memberships/0/register", "no register with id 'NO-SUCH-REGISTER'")
record = base("pe-norms")
record["register"] = "NO-SUCH-REGISTER"
write("pe-norms-unknown-register.json", document("pe-norms", [record]),
      "/norms/0/register", "no register with id 'NO-SUCH-REGISTER'")
record = base("policies")
record["registers"] = {"external": ["NO-SUCH-REGISTER"]}
write("policies-unknown-register.json", document("policies", [record]),
      "/policies/0/registers/external/0", "no register with id 'NO-SUCH-REGISTER'")
record = base("memberships")
record["coach"] = "JC-0014"
record["register"] = "RJ-NOORD"
record["registerNumber"] = "RJN-00001"
write("memberships-register-number-taken.json", document("memberships", [record]),
      "/memberships/0/registerNumber", "register number 'RJN-00001' belongs to coach 'JC-0015'")

# Assignments (Q-ASG-1): overlapping main coaches, outside the placement, unknown references.
record = base("placements")
record["assignments"].append(dict(record["assignments"][0], coach="JC-0011"))
write("placements-assignments-overlap.json", document("placements", [record]),
      "/placements/0/assignments/1/from", "two main assignments overlap")
record = base("placements")
record["assignments"][0]["from"] = "2020-01-01"
write("placements-assignment-before-the-placement.json", document("placements", [record]),
      "/placements/0/assignments/0/from", "before the placement")
record = base("placements")
record["assignments"][0]["coach"] = "JC-9999"
write("placements-assignment-unknown-coach.json", document("placements", [record]),
      "/placements/0/assignments/0/coach", "no coach with id 'JC-9999'")
record = base("placements")
record["assignments"][0]["organisation"] = "ORG-NOWHERE"
write("placements-assignment-unknown-organisation.json", document("placements", [record]),
      "/placements/0/assignments/0/organisation", "no organisation with id 'ORG-NOWHERE'")
record = base("placements")
record["coach"] = "JC-0010"
write("placements-coach-and-assignments.json", document("placements", [record]),
      "/placements/0/coach", "belongs inside an assignment")

# Funder decisions (F-7): on bookings of their placement only.
record = base("funder-decisions")
record["bookings"] = ["BK-NOWHERE"]
write("funder-decisions-unknown-booking.json", document("funder-decisions", [record]),
      "/decisions/0/bookings/0", "no booking with id 'BK-NOWHERE'")
record = base("funder-decisions")
record["bookings"] = ["BK-0001"]
write("funder-decisions-booking-of-another-placement.json", document("funder-decisions", [record]),
      "/decisions/0/bookings/0", "is on placement")
record = base("funder-decisions")
record["outcome"] = "maybe"
write("funder-decisions-outcome.json", document("funder-decisions", [record]),
      "/decisions/0/outcome", "expected one of 'accept', 'reject'")

# Duplicates in one file and across files.
for kind in ("organisations", "coaches", "placements", "hour-bookings", "educations"):
    write(f"{kind}-duplicate-id.json", document(kind, [base(kind), base(kind)]),
          f"/{KEYS.get(kind, kind)}/1/" + ("code" if kind == "accreditations" else "id"),
          "appears twice in this import")
pair = cases / "coaches-duplicate-across-files"
pair.mkdir()
(pair / "a.json").write_text(json.dumps(document("coaches", [base("coaches")])))
(pair / "b.json").write_text(json.dumps(document("coaches", [base("coaches")])))
manifest.append({"case": "coaches-duplicate-across-files", "place": "/coaches/0/id",
                 "message": "appears twice in this import; first at"})

# Not JSON, not UTF-8, empty, too deep, not ours.
write("empty.json", b"", ":", "the file is empty")
write("whitespace.json", b"  \n\t ", ":", "the file holds no JSON value")
write("not-utf8.json", b'{"kind": "coaches", "schemaVersion": 1, "coaches": [{"id": "A", "name": "\xff\xfe"}]}',
      ":", "not valid JSON")
write("utf16.json", '{"kind": "coaches"}'.encode("utf-16"), ":", "UTF-16")
write("nested.json", ('{"kind": "coaches", "schemaVersion": 1, "coaches": [{"id": "A", "name": "a", "x": '
                      + "[" * 100 + "]" * 100 + "}]}").encode(), ":", "nesting deeper than")
write("array-at-top.json", [1, 2, 3], "", "expected an object, found an array")
write("other-kind.json", {"kind": "invoices", "schemaVersion": 1, "invoices": []}, "/kind",
      "this is not a document jobcoach imports")
write("no-kind.json", {"schemaVersion": 1, "coaches": []}, "", "missing required field 'kind'")
write("records-not-array.json", {"kind": "coaches", "schemaVersion": 1, "coaches": {}},
      "/coaches", "expected an array")
write("trailing-text.json", b'{"kind": "coaches", "schemaVersion": 1, "coaches": []} {}', ":",
      "unexpected text after the JSON value")
write("duplicate-member.json", b'{"kind": "coaches", "kind": "coaches", "schemaVersion": 1, "coaches": []}',
      ":", "duplicate member name 'kind'")
write("bsn-as-worker.json", document("placements", [dict(base("placements"), worker="111222333")]),
      "/placements/0/worker", "citizen service number")

# The second round of hostile input (issue 14): a case per item.
# 1. Another kind's records, wherever `kind` stands.
write("organisations-other-kind-records-before-kind.json",
      b'{"coaches":[{"id":"JC-9001","name":"S"}],"organisations":[' + json.dumps(base("organisations")).encode()
      + b'],"kind":"organisations","schemaVersion":1}', "/coaches", "unknown field 'coaches'")
write("coaches-other-kind-records-after-kind.json",
      b'{"kind":"coaches","schemaVersion":1,"coaches":[],"organisations":[' + json.dumps(base("organisations")).encode()
      + b']}', "/organisations", "unknown field 'organisations'")
# 2. Not a document at all, and a second byte order mark.
for name, data in [("null", b"null"), ("number", b"1"), ("true", b"true"), ("minus-zero", b"-0"),
                   ("string", b'"coaches"')]:
    write(f"bare-{name}.json", data, "", "expected an object")
write("two-byte-order-marks.json", b"\xef\xbb\xbf\xef\xbb\xbf" + json.dumps(document("coaches", [base("coaches")])).encode(),
      ":", "a second byte order mark")
# 3. A citizen service number anywhere, grouped or inside a text: named by place, never echoed.
for name, kind, path, value in [
    ("grouped-dots", "placements", ["worker"], "111.222.333"),
    ("grouped-dashes", "placements", ["worker"], "111-222-333"),
    ("prefixed", "placements", ["worker"], "W-111222333"),
    ("in-a-name", "coaches", ["name"], "Jan 111222333"),
    ("in-a-title", "portfolios", ["peActivities", 0, "title"], "Cursus 111 222 333"),
    ("document-id", "portfolios", ["peActivities", 0, "evidence", "documentId"], "DIP-111222333"),
    ("rule", "memberships", ["statusChanges", 0, "rule"], "111222333"),
    ("decision", "memberships", ["statusChanges", 0, "decision"], "besluit 111222333"),
    ("a-date", "coaches", ["employments", 0, "from"], "111222333"),
    ("hours-number", "portfolios", ["peActivities", 0, "hours"], 111222333),
]:
    record = base(kind)
    parent, last = at(record, path)
    parent[last] = value
    key = KEYS.get(kind, kind)
    write(f"{kind}-bsn-{name}.json", document(kind, [record]),
          f"/{key}/0" + "".join(f"/{step}" for step in path), "citizen service number")
record = base("coaches")
record["111222333"] = "x"
write("coaches-bsn-member-name.json", document("coaches", [record]), "/coaches/0",
      "a member name holds what looks like a citizen service number")
doc = document("coaches", [base("coaches")])
doc["schemaVersion"] = 111222333
write("coaches-bsn-schema-version.json", doc, "/schemaVersion", "citizen service number")
# 8. Dates past the last one accepted, and past the calendar.
for bad, name, message in [("9900-01-01", "after-the-last-accepted", "the last date jobcoach accepts"),
                           ("12345-01-01", "past-the-calendar", "is not a calendar date")]:
    record = base("memberships")
    record["admittedOn"] = bad
    write(f"memberships-date-{name}.json", document("memberships", [record]),
          "/memberships/0/admittedOn", message)
# 10. Hours that are no whole minute name the nearest that are; hours and minutes both.
record = base("portfolios")
record["peActivities"][0]["hours"] = 80.995
write("portfolios-hours-between-minutes.json", document("portfolios", [record]),
      "/portfolios/0/peActivities/0/hours", "80.995 is not a whole number of minutes: 80.983333 (80:59) or 81 (81:00)")
record = base("portfolios")
record["peActivities"][0]["minutes"] = 60
write("portfolios-hours-and-minutes.json", document("portfolios", [record]),
      "/portfolios/0/peActivities/0/minutes", "not both")
record = base("hour-bookings")
record["hours"] = "1:75"
write("hour-bookings-hours-bad-clock.json", document("hour-bookings", [record]),
      "/bookings/0/hours", "H:MM")
# 11. A null where an array belongs; a $schema that is not a text.
record = base("coaches")
record["employments"] = None
write("coaches-null-array.json", document("coaches", [record]), "/coaches/0/employments",
      "expected an array, found null")
doc = document("coaches", [base("coaches")])
doc["$schema"] = {"$ref": "x"}
write("coaches-schema-object.json", doc, "/$schema", "expected a string")

(here / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
print(f"{len(manifest)} cases")
