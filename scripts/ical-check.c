/* ical-check: parses an iCalendar file with libical and fails on any X-LIC-ERROR.
 * Used by scripts/mta-test to check the attachment a reminder carried.
 * Build: cc -O2 -o ical-check scripts/ical-check.c $(pkg-config --cflags --libs libical)
 * Usage: ical-check FILE   -> prints "UID<TAB>SUMMARY" per VEVENT; exit 1 on errors. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static int count_errors(icalcomponent *component) {
    int errors = 0;
    for (icalproperty *p = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
        fprintf(stderr, "X-LIC-ERROR: %s\n", icalproperty_get_xlicerror(p));
        errors++;
    }
    for (icalcomponent *c = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT); c;
         c = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)) {
        errors += count_errors(c);
    }
    return errors;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: ical-check FILE\n"); return 2; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 2; }
    static char buffer[1 << 20];
    size_t length = fread(buffer, 1, sizeof buffer - 1, file);
    fclose(file);
    buffer[length] = 0;
    icalcomponent *calendar = icalparser_parse_string(buffer);
    if (!calendar) { fprintf(stderr, "not iCalendar\n"); return 1; }
    int errors = count_errors(calendar);
    icalproperty *method = icalcomponent_get_first_property(calendar, ICAL_METHOD_PROPERTY);
    printf("METHOD\t%s\n", method ? icalproperty_get_value_as_string(method) : "");
    for (icalcomponent *e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        printf("%s\t%s\n", icalcomponent_get_uid(e), icalcomponent_get_summary(e));
    }
    icalcomponent_free(calendar);
    return errors ? 1 : 0;
}
