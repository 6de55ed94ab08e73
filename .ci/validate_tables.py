"""Checks CSV files against the CSVW table descriptions in Schemas/ with an independent
validator (the `csvw` package, as its `csvwvalidate` does): KIND=FILE arguments. Each description is the
template's layout with a comma; for a file written with semicolons (Dutch Excel) the dialect's
delimiter is set from its header line, as jobcoach reads it. A broken copy of each file must
fail, so the check is known to bite."""
import json, os, sys, tempfile

from csvw import CSVW

def validate(kind, path, scratch, name):
    with open(f"Schemas/{kind}.csv-metadata.json", encoding="utf-8") as handle:
        meta = json.load(handle)
    with open(path, "rb") as handle:
        header = handle.readline().decode("utf-8-sig")
    meta["url"] = os.path.abspath(path)
    if header.count(";") > header.count(","):
        meta["dialect"]["delimiter"] = ";"
    target = os.path.join(scratch, name + ".csv-metadata.json")
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(meta, handle)
    try:
        table = CSVW(target, validate=True, strict=True)
    except ValueError as error:
        return False, str(error)
    return table.is_valid, "\n".join(str(warning.message) for warning in table.warnings)

failed = False
with tempfile.TemporaryDirectory() as scratch:
    for argument in sys.argv[1:]:
        kind, path = argument.split("=", 1)
        ok, output = validate(kind, path, scratch, "given")
        print(f"{path}: {'valid' if ok else 'INVALID'} as {kind} (CSVW)")
        if not ok:
            print(output)
            failed = True
        # The control: hours that are not hours, in the file's first row, must be refused.
        with open(path, "rb") as handle:
            lines = handle.read().decode("utf-8-sig").splitlines()
        separator = ";" if lines[0].count(";") > lines[0].count(",") else ","
        headers = lines[0].split(separator)
        column = next(i for i, h in enumerate(headers) if h.strip() in ("uren", "hours"))
        cells = lines[1].split(separator)
        cells[column] = "veel"
        broken = os.path.join(scratch, "broken.csv")
        with open(broken, "w", encoding="utf-8") as handle:
            handle.write("\n".join([lines[0], separator.join(cells)] + lines[2:]) + "\n")
        ok, _ = validate(kind, broken, scratch, "broken")
        if ok:
            print(f"{path}: a copy with hours 'veel' passed the CSVW check; it must not")
            failed = True
sys.exit(1 if failed else 0)
