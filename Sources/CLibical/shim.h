#ifndef MOTEPLAN_CLIBICAL_SHIM_H
#define MOTEPLAN_CLIBICAL_SHIM_H
#include <libical/ical.h>
#include <stdlib.h>
#endif
