/*
 * libical-peer: the one-core limit of the serializer moteplan uses, and a libical feed checker.
 *
 *   libical-peer build PLAN.csv OUT.ics
 *       Reads the meetings `moteplan plan --format csv` wrote (header
 *       uid,structure,instance,title,start,end,leader,location,notes; RFC 4180 quoting) and,
 *       one event at a time, builds a VEVENT with raw libical (icalcomponent_new_vevent,
 *       UID, DTSTAMP, DTSTART/DTEND with TZID=Europe/Oslo local times, SUMMARY, DESCRIPTION,
 *       LOCATION, CATEGORIES, STATUS), serializes it with icalcomponent_as_ical_string_r and
 *       appends it to one buffer inside a VCALENDAR with Europe/Oslo's VTIMEZONE. Writes OUT.ics
 *       and prints one line of key=value results; `loop_events_per_s` is the build+serialize
 *       loop alone (CSV reading and file writing excluded), on one core. Then it parses each
 *       VEVENT's text back on its own with icalparser_parse_string and frees it, as `moteplan ics`
 *       checks every event: `parse_events_per_s` is that loop alone, on one core.
 *
 *   libical-peer check FEED.ics [EXPECTED_EVENTS]
 *       Parses FEED.ics back with icalparser_parse_string and fails (exit 1, message on stderr)
 *       if it is not one VCALENDAR, if libical attached any X-LIC-ERROR property, if a VEVENT
 *       lacks UID/DTSTAMP/DTSTART, if a TZID has no VTIMEZONE, if a line does not end in CRLF
 *       or is longer than 75 octets, or if the VEVENT count differs from EXPECTED_EVENTS.
 *       Prints one line of key=value results.
 *
 * Build: cc -O2 -o libical-peer libical-peer.c $(pkg-config --cflags --libs libical)
 * Exit status: 0 ok, 1 invalid feed or failure, 2 usage.
 */
#define _POSIX_C_SOURCE 200809L
#include <libical/ical.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TZID "Europe/Oslo"

/* The same filler moteplan's DESCRIPTION carries in spirit (structure text + leader + participants):
   keeps the peers' DESCRIPTION at a similar length. Benchmarks/icalendar-peer.py uses the same. */
#define DESCRIPTION_TEXT \
    "Tverrfaglig møte etter kommunens plan for samarbeid om barn og unge. Saker meldes inn på forhånd."

static void die(const char *message, const char *detail) {
    fprintf(stderr, "libical-peer: error: %s%s%s\n", message, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *read_file(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open", path);
    size_t cap = 1 << 20, len = 0;
    char *buf = malloc(cap);
    if (!buf) die("out of memory", NULL);
    for (;;) {
        if (cap - len < (1 << 16)) {
            cap *= 2;
            buf = realloc(buf, cap);
            if (!buf) die("out of memory", NULL);
        }
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0) break;
    }
    if (ferror(f)) die("cannot read", path);
    fclose(f);
    buf[len] = '\0';
    *length = len;
    return buf;
}

/* ---------------------------------------------------------------- growing output buffer */

typedef struct {
    char *data;
    size_t len, cap;
} Buffer;

static void append(Buffer *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : (1 << 20);
        while (b->len + n + 1 > cap) cap *= 2;
        b->data = realloc(b->data, cap);
        if (!b->data) die("out of memory", NULL);
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void append_str(Buffer *b, const char *s) { append(b, s, strlen(s)); }

/* ---------------------------------------------------------------- RFC 4180 CSV */

#define FIELDS 9 /* uid,structure,instance,title,start,end,leader,location,notes */

typedef struct {
    char *field[FIELDS];
} Row;

/* Parses one record starting at *p (in place: unquotes into the same memory). Returns 0 at end. */
static int next_record(char **p, Row *row, int *fields) {
    char *s = *p;
    if (*s == '\0') return 0;
    int n = 0;
    for (;;) {
        char *out = s, *start = s;
        if (*s == '"') {
            s++;
            for (;;) {
                if (*s == '\0') die("unterminated quoted CSV field", NULL);
                if (*s == '"') {
                    if (s[1] == '"') {
                        *out++ = '"';
                        s += 2;
                        continue;
                    }
                    s++;
                    break;
                }
                *out++ = *s++;
            }
        } else {
            while (*s && *s != ',' && *s != '\n' && *s != '\r') s++;
            out = s;
        }
        char end = *s;
        if (n < FIELDS) row->field[n] = start;
        n++;
        if (end == ',') {
            *out = '\0';
            s++;
            continue;
        }
        if (end != '\0' && end != '\n' && end != '\r') die("bad CSV: text after a closing quote", NULL);
        *out = '\0';
        if (end == '\r') s++;
        if (*s == '\n') s++;
        break;
    }
    *p = s;
    *fields = n;
    return 1;
}

/* "YYYY-MM-DDTHH:MM" → a floating icaltimetype. */
static struct icaltimetype local_time(const char *text) {
    int y, mo, d, h, mi;
    if (sscanf(text, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5) die("bad local time in CSV", text);
    struct icaltimetype t = icaltime_null_time();
    t.year = y;
    t.month = mo;
    t.day = d;
    t.hour = h;
    t.minute = mi;
    t.second = 0;
    t.is_date = 0;
    return t;
}

static icalproperty *with_tzid(icalproperty *property) {
    icalproperty_add_parameter(property, icalparameter_new_tzid(TZID));
    return property;
}

static int build(const char *csv_path, const char *out_path) {
    size_t csv_length;
    char *csv = read_file(csv_path, &csv_length);
    char *p = csv;
    Row row;
    int fields;
    if (!next_record(&p, &row, &fields) || fields != FIELDS || strcmp(row.field[0], "uid") != 0)
        die("the CSV does not start with moteplan's plan header", csv_path);

    /* Parse all rows first, so the timed loop is build + serialize + concatenate only. */
    size_t count = 0, cap = 1024;
    Row *rows = malloc(cap * sizeof(Row));
    while (next_record(&p, &row, &fields)) {
        if (fields != FIELDS) die("a CSV record does not have 9 fields", row.field[0]);
        if (count == cap) {
            cap *= 2;
            rows = realloc(rows, cap * sizeof(Row));
            if (!rows) die("out of memory", NULL);
        }
        rows[count++] = row;
    }

    icaltimezone *zone = icaltimezone_get_builtin_timezone(TZID);
    if (!zone) die("libical has no built-in Europe/Oslo (is tzdata installed?)", NULL);
    icalcomponent *vtimezone = icalcomponent_new_clone(icaltimezone_get_component(zone));
    icalproperty *tzid = icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY);
    icalproperty_set_tzid(tzid, TZID);
    struct icaltimetype stamp = icaltime_from_string("20260801T060000Z");

    Buffer feed = {0};
    double t0 = now_seconds();
    append_str(&feed,
               "BEGIN:VCALENDAR\r\nPRODID:-//moteplan benchmarks//libical-peer//NO\r\nVERSION:2.0\r\n"
               "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
    char *tz_text = icalcomponent_as_ical_string_r(vtimezone);
    append_str(&feed, tz_text);
    free(tz_text);

    Buffer description = {0};
    size_t bare_lf = 0;
    for (size_t i = 0; i < count; i++) {
        Row *r = &rows[i];
        icalcomponent *vevent = icalcomponent_new_vevent();
        icalcomponent_add_property(vevent, icalproperty_new_uid(r->field[0]));
        icalcomponent_add_property(vevent, icalproperty_new_dtstamp(stamp));
        icalcomponent_add_property(vevent, with_tzid(icalproperty_new_dtstart(local_time(r->field[4]))));
        icalcomponent_add_property(vevent, with_tzid(icalproperty_new_dtend(local_time(r->field[5]))));
        icalcomponent_add_property(vevent, icalproperty_new_summary(r->field[3]));
        description.len = 0;
        append_str(&description, DESCRIPTION_TEXT "\nLeder: ");
        append_str(&description, r->field[6]);
        append_str(&description, "\nSted: ");
        append_str(&description, r->field[7]);
        if (r->field[8][0]) {
            append_str(&description, "\n");
            append_str(&description, r->field[8]);
        }
        icalcomponent_add_property(vevent, icalproperty_new_description(description.data));
        if (r->field[7][0]) icalcomponent_add_property(vevent, icalproperty_new_location(r->field[7]));
        icalcomponent_add_property(vevent, icalproperty_new_categories(r->field[3]));
        icalcomponent_add_property(vevent, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
        char *text = icalcomponent_as_ical_string_r(vevent);
        if (!text) die("icalcomponent_as_ical_string_r returned NULL for", r->field[0]);
        append_str(&feed, text);
        free(text);
        icalcomponent_free(vevent);
    }
    append_str(&feed, "END:VCALENDAR\r\n");
    double seconds = now_seconds() - t0;

    for (size_t i = 0; i < feed.len; i++)
        if (feed.data[i] == '\n' && (i == 0 || feed.data[i - 1] != '\r')) bare_lf++;

    /* The parse-back moteplan ics does for every event: each VEVENT's text on its own through
       icalparser_parse_string, then freed. Timed separately (the copy of each text included). */
    Buffer one = {0};
    size_t parsed = 0;
    double p0 = now_seconds();
    const char *at = feed.data;
    while ((at = strstr(at, "BEGIN:VEVENT\r\n")) != NULL) {
        const char *end = strstr(at, "END:VEVENT\r\n");
        if (!end) die("a VEVENT without END:VEVENT in our own output", NULL);
        end += strlen("END:VEVENT\r\n");
        one.len = 0;
        append(&one, at, (size_t)(end - at));
        icalcomponent *back = icalparser_parse_string(one.data);
        if (!back || icalcomponent_isa(back) != ICAL_VEVENT_COMPONENT) die("libical could not parse an event back", NULL);
        icalcomponent_free(back);
        parsed++;
        at = end;
    }
    double parse_seconds = now_seconds() - p0;
    if (parsed != count) die("parsed back a different number of events than were built", NULL);

    FILE *out = fopen(out_path, "wb");
    if (!out || fwrite(feed.data, 1, feed.len, out) != feed.len || fclose(out) != 0) die("cannot write", out_path);
    printf("events=%zu loop_seconds=%.6f loop_events_per_s=%.0f parse_seconds=%.6f parse_events_per_s=%.0f "
           "bytes=%zu bytes_per_event=%.0f bare_lf_lines=%zu\n",
           count, seconds, seconds > 0 ? (double)count / seconds : 0.0, parse_seconds,
           parse_seconds > 0 ? (double)count / parse_seconds : 0.0, feed.len,
           count ? (double)feed.len / (double)count : 0.0, bare_lf);
    free(one.data);
    icalcomponent_free(vtimezone);
    free(feed.data);
    free(description.data);
    free(rows);
    free(csv);
    return 0;
}

/* ---------------------------------------------------------------- check */

static size_t count_errors(icalcomponent *c, char *first, size_t first_size) {
    size_t n = 0;
    for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
        if (n == 0 && first[0] == '\0') {
            const char *text = icalproperty_get_xlicerror(p);
            snprintf(first, first_size, "%s: %s", icalcomponent_kind_to_string(icalcomponent_isa(c)),
                     text ? text : "?");
        }
        n++;
    }
    for (icalcomponent *k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); k;
         k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
        n += count_errors(k, first, first_size);
    return n;
}

static int check(const char *path, long expected) {
    size_t length;
    char *text = read_file(path, &length);
    size_t lines = 0, bare_lf = 0, too_long = 0, first_bad = 0, line_start = 0;
    for (size_t i = 0; i < length; i++) {
        if (text[i] != '\n') continue;
        lines++;
        int crlf = i > 0 && text[i - 1] == '\r';
        if (!crlf) bare_lf++;
        size_t octets = i - line_start - (crlf ? 1 : 0);
        if (octets > 75) too_long++;
        if ((!crlf || octets > 75) && !first_bad) first_bad = lines;
        line_start = i + 1;
    }
    int unterminated = line_start != length;

    double t0 = now_seconds();
    icalcomponent *root = icalparser_parse_string(text);
    double parse_seconds = now_seconds() - t0;
    if (!root) die("libical could not parse", path);
    if (icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT) die("not a single VCALENDAR", path);

    char first_error[512] = "";
    size_t errors = count_errors(root, first_error, sizeof first_error);
    size_t events = 0, missing = 0, bad_tzid = 0;
    for (icalcomponent *e = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
        events++;
        if (!icalcomponent_get_first_property(e, ICAL_UID_PROPERTY) ||
            !icalcomponent_get_first_property(e, ICAL_DTSTAMP_PROPERTY) ||
            !icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY))
            missing++;
        icalproperty *start = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY);
        icalparameter *tz = start ? icalproperty_get_first_parameter(start, ICAL_TZID_PARAMETER) : NULL;
        if (tz && !icalcomponent_get_timezone(root, icalparameter_get_tzid(tz))) bad_tzid++;
    }
    printf("feed=%s bytes=%zu lines=%zu events=%zu parse_seconds=%.3f xlic_errors=%zu bare_lf_lines=%zu "
           "long_lines=%zu missing_required=%zu unknown_tzid=%zu\n",
           path, length, lines, events, parse_seconds, errors, bare_lf, too_long, missing, bad_tzid);
    int bad = 0;
    if (errors) {
        fprintf(stderr, "libical-peer: INVALID FEED %s: %zu X-LIC-ERROR properties, first: %s\n", path, errors,
                first_error);
        bad = 1;
    }
    if (bare_lf || too_long || unterminated) {
        fprintf(stderr, "libical-peer: INVALID FEED %s: %zu lines end in bare LF, %zu are longer than 75 octets%s "
                "(first at line %zu)\n", path, bare_lf, too_long, unterminated ? ", last line lacks CRLF" : "",
                first_bad);
        bad = 1;
    }
    if (missing || bad_tzid) {
        fprintf(stderr, "libical-peer: INVALID FEED %s: %zu VEVENTs lack UID/DTSTAMP/DTSTART, %zu TZIDs unknown\n",
                path, missing, bad_tzid);
        bad = 1;
    }
    if (expected >= 0 && (long)events != expected) {
        fprintf(stderr, "libical-peer: INVALID FEED %s: %zu VEVENTs, expected %ld\n", path, events, expected);
        bad = 1;
    }
    icalcomponent_free(root);
    free(text);
    return bad;
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "build") == 0) return build(argv[2], argv[3]);
    if ((argc == 3 || argc == 4) && strcmp(argv[1], "check") == 0) {
        long expected = -1;
        if (argc == 4) {
            char *end;
            errno = 0;
            expected = strtol(argv[3], &end, 10);
            if (errno || *end || expected < 0) {
                fprintf(stderr, "libical-peer: error: EXPECTED_EVENTS must be a count, not '%s'\n", argv[3]);
                return 2;
            }
        }
        return check(argv[2], expected);
    }
    fprintf(stderr, "usage: libical-peer build PLAN.csv OUT.ics\n       libical-peer check FEED.ics [EXPECTED_EVENTS]\n");
    return 2;
}
