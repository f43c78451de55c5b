#ifndef MOTEPLAN_CGLIBCEXTRAS_SHIM_H
#define MOTEPLAN_CGLIBCEXTRAS_SHIM_H
/* GNU extensions of the C library that Swift's Glibc module does not declare (it is not built
   with _GNU_SOURCE). Only MoteplanFeeds imports this. */
#include <stddef.h>

extern void *memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/* Where `needle` first occurs in `haystack`, or NULL: glibc's memmem(3). */
static inline const void *moteplan_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}
#endif
