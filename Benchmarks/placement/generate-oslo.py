#!/usr/bin/env python3
# generate-oslo.py: an Oslo-size PlacementProblem (the JSON MoteplanSolver and scripts/placement-oracle
# read), for timing the solvers. Deterministic for a given --seed.
#
#   Benchmarks/placement/generate-oslo.py [--districts 15] [--per-district 60] [--choices 24]
#       [--seed 2026] [--overload N] > oslo.json
#
# Each district has a PPT (capacity 3, 15 minutes of buffer, away three whole days a year) and a
# helsestasjon (capacity 3); each instance (a local team at a school or kindergarten) has its own
# unit (capacity 1) and needs the district's PPT, and two in three also the helsestasjon. Each
# instance has --choices choices drawn from the monthly patterns "nth weekday at a start time" (nth
# 1-4, Monday-Friday, 08:30/10:15/12:30/14:00): 90 minutes each month September-June of school year
# 2026/27, moved a week later when the date falls in a school holiday: 10 occurrences per choice.
# Soft rules: 14:00 costs 1, Friday 2; a third of the instances were published (moving costs 5), one
# in fifty is pinned; per district PPT, at most --spread (18) instances in each nth week of the month
# (weight 3) and on each weekday (weight 1). Fixed: four network meetings per district on its PPT.
# With --spread 16 the limits bind in some districts (60 instances, 4 x 16 places without Friday),
# and proving the optimum then takes both Z3 and CP-SAT minutes: they must count, with flat weights.
# --overload N adds N instances to district 1 beyond what its PPT can hold (an infeasible variant).
# Times are minutes since 2026-01-01 00:00 local time.

import argparse
import json
import random
import sys
from datetime import date, timedelta

EPOCH = date(2026, 1, 1)
MONTHS = [(2026, m) for m in range(9, 13)] + [(2027, m) for m in range(1, 7)]
HOLIDAYS = [  # school holidays of 2026/27 (autumn, Christmas, winter, Easter), inclusive
    (date(2026, 9, 28), date(2026, 10, 2)),
    (date(2026, 12, 21), date(2027, 1, 1)),
    (date(2027, 2, 22), date(2027, 2, 26)),
    (date(2027, 3, 22), date(2027, 3, 29)),
]
STARTS = [(8, 30), (10, 15), (12, 30), (14, 0)]
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"]


def minutes(day, hour=0, minute=0):
    return (day - EPOCH).days * 1440 + hour * 60 + minute


def in_holiday(day):
    return any(first <= day <= last for first, last in HOLIDAYS)


def nth_weekday(year, month, nth, weekday):
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    while in_holiday(day):
        day += timedelta(days=7)
    return day


def occurrences(nth, weekday, start, resources):
    found = []
    for year, month in MONTHS:
        day = nth_weekday(year, month, nth, weekday)
        begin = minutes(day, *start)
        found.append({"start": begin, "end": begin + 90, "resources": resources})
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--districts", type=int, default=15)
    parser.add_argument("--per-district", type=int, default=60)
    parser.add_argument("--choices", type=int, default=24)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--overload", type=int, default=0)
    parser.add_argument("--spread", type=int, default=18,
                        help="how many instances a district's PPT may have per nth week and per weekday (18)")
    args = parser.parse_args()
    if not (1 <= args.districts <= 100 and 1 <= args.per_district <= 500 and 1 <= args.choices <= 80):
        parser.error("sizes out of range: 1-100 districts, 1-500 per district, 1-80 choices")
    rng = random.Random(args.seed)
    patterns = [(nth, weekday, start) for nth in range(1, 5) for weekday in range(5) for start in STARTS]

    resources, instances, fixed, limits = [], [], [], []
    for d in range(1, args.districts + 1):
        ppt, health = f"ppt-{d:02}", f"helsestasjon-{d:02}"
        school_days = [date(2026, 8, 24) + timedelta(days=k) for k in range(0, 300)]
        away = sorted(rng.sample([day for day in school_days if day.weekday() < 5], 3))
        ppt_away = [{"start": minutes(day, 8), "end": minutes(day, 16)} for day in away]
        resources.append({"id": ppt, "capacity": 3, "buffer_minutes": 15, "unavailable": ppt_away})
        resources.append({"id": health, "capacity": 3, "buffer_minutes": 0, "unavailable": []})
        for year, month in [(2026, 9), (2026, 11), (2027, 2), (2027, 4)]:
            day = nth_weekday(year, month, 1, 1)  # first Tuesday, 12:30
            fixed.append({"start": minutes(day, 12, 30), "end": minutes(day, 14), "resources": [ppt]})
        by_nth = {nth: [] for nth in range(1, 5)}
        by_weekday = {weekday: [] for weekday in range(5)}
        count = args.per_district + (args.overload if d == 1 else 0)
        for u in range(1, count + 1):
            unit = f"enhet-{d:02}-{u:03}"
            resources.append({"id": unit, "capacity": 1, "buffer_minutes": 0, "unavailable": []})
            needs = [unit, ppt] + ([health] if rng.random() < 2 / 3 else [])
            i = len(instances)
            choices = []
            for c, (nth, weekday, start) in enumerate(sorted(rng.sample(patterns, args.choices))):
                penalty = (1 if start == (14, 0) else 0) + (2 if weekday == 4 else 0)
                choices.append({
                    "id": f"{nth}. {WEEKDAYS[weekday]} {start[0]:02}:{start[1]:02}",
                    "penalty": penalty,
                    "occurrences": occurrences(nth, weekday, start, needs),
                })
                by_nth[nth].append({"instance": i, "choice": c})
                by_weekday[weekday].append({"instance": i, "choice": c})
            published = rng.randrange(args.choices) if rng.random() < 1 / 3 else None
            # A pin records a placement that was valid: none on the PPT's days away.
            free = [c for c, choice in enumerate(choices)
                    if not any(o["start"] < u["end"] and u["start"] < o["end"]
                               for o in choice["occurrences"] for u in ppt_away)]
            pinned = rng.choice(free) if rng.random() < 1 / 50 else None
            instances.append({"id": f"lokalt-team/{unit}", "choices": choices, "pinned": pinned,
                              "published": published, "change_weight": 5 if published is not None else 0})
        for nth, members in by_nth.items():
            limits.append({"name": f"spread {ppt} week {nth} of the month", "weight": 3, "at_most": args.spread,
                           "members": members})
        for weekday, members in by_weekday.items():
            limits.append({"name": f"spread {ppt} {WEEKDAYS[weekday]}", "weight": 1, "at_most": args.spread,
                           "members": members})
    json.dump({"resources": resources, "instances": instances, "fixed": fixed, "soft_limits": limits},
              sys.stdout, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
