#!/usr/bin/env python3
# icalendar-peer: python `icalendar` building and serializing the same meetings as moteplan.
#
#   <venv>/bin/python Benchmarks/icalendar-peer.py PLAN.csv OUT.ics
#
# Reads the meetings `moteplan plan --format csv` wrote (header
# uid,structure,instance,title,start,end,leader,location,notes), builds one icalendar.Calendar
# with Europe/Oslo's VTIMEZONE and one Event per meeting (UID, DTSTAMP, DTSTART/DTEND as
# TZID=Europe/Oslo local times, SUMMARY, DESCRIPTION, LOCATION, CATEGORIES, STATUS) — the same
# properties and DESCRIPTION text as Benchmarks/libical-peer.c — serializes it with to_ical()
# and writes OUT.ics. Prints one line of key=value results; loop_events_per_s covers building
# and serializing only (imports, CSV reading and file writing excluded).
#
# Benchmarks/run makes the venv (Benchmarks/.venv, `pip install -r Benchmarks/requirements.txt`).

import csv
import datetime as dt
import sys
import time
import zoneinfo

import icalendar

TZID = "Europe/Oslo"
DESCRIPTION_TEXT = (
    "Tverrfaglig møte etter kommunens plan for samarbeid om barn og unge. Saker meldes inn på forhånd.")
HEADER = ["uid", "structure", "instance", "title", "start", "end", "leader", "location", "notes"]


def main():
    if len(sys.argv) != 3:
        print("usage: icalendar-peer.py PLAN.csv OUT.ics", file=sys.stderr)
        return 2
    csv_path, out_path = sys.argv[1:]
    with open(csv_path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        if next(reader, None) != HEADER:
            print(f"icalendar-peer: error: {csv_path} does not start with moteplan's plan header", file=sys.stderr)
            return 1
        rows = list(reader)

    zone = zoneinfo.ZoneInfo(TZID)
    stamp = dt.datetime(2026, 8, 1, 6, 0, tzinfo=dt.timezone.utc)
    t0 = time.perf_counter()
    cal = icalendar.Calendar()
    cal.add("prodid", "-//moteplan benchmarks//icalendar-peer//NO")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    for uid, _structure, _instance, title, start, end, leader, location, notes in rows:
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", dt.datetime.fromisoformat(start).replace(tzinfo=zone))
        event.add("dtend", dt.datetime.fromisoformat(end).replace(tzinfo=zone))
        event.add("summary", title)
        description = f"{DESCRIPTION_TEXT}\nLeder: {leader}\nSted: {location}"
        if notes:
            description += "\n" + notes
        event.add("description", description)
        if location:
            event.add("location", location)
        event.add("categories", [title])
        event.add("status", "CONFIRMED")
        cal.add_component(event)
    cal.add_missing_timezones()
    data = cal.to_ical()
    seconds = time.perf_counter() - t0

    with open(out_path, "wb") as f:
        f.write(data)
    n = len(rows)
    bare_lf = data.count(b"\n") - data.count(b"\r\n")
    print(f"events={n} loop_seconds={seconds:.6f} loop_events_per_s={n / seconds if seconds else 0:.0f} "
          f"bytes={len(data)} bytes_per_event={len(data) / n if n else 0:.0f} bare_lf_lines={bare_lf} "
          f"icalendar={icalendar.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
