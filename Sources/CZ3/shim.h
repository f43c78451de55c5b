#ifndef MOTEPLAN_CZ3_SHIM_H
#define MOTEPLAN_CZ3_SHIM_H
#include <z3.h>
#endif
