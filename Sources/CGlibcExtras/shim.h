#ifndef MOTEPLAN_CGLIBCEXTRAS_SHIM_H
#define MOTEPLAN_CGLIBCEXTRAS_SHIM_H
/* GNU extensions of the C library that Swift's Glibc module does not declare (it is not built
   with _GNU_SOURCE). Only MoteplanFeeds imports this. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

extern void *memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/* Where `needle` first occurs in `haystack`, or NULL: glibc's memmem(3). */
static inline const void *moteplan_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

/* Linux's copy_file_range(2): copies `length` bytes from `in` at `*offset_in` (advanced) to `out`
   at its file position, inside the kernel. Returns the bytes copied, 0 at the end of `in`, or -1
   with errno set. */
static inline long moteplan_copy_file_range(int in, int64_t *offset_in, int out, size_t length) {
#ifdef SYS_copy_file_range
    return syscall(SYS_copy_file_range, in, offset_in, out, (void *)0, length, 0u);
#else
    errno = ENOSYS;
    return -1;
#endif
}
#endif
