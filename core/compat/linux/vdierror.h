#pragma once

// Result codes of Microsoft's SQL Server VDI SDK for Linux (vdierror.h): `int` values with the
// severity bit set and facility 0x77, as the SDK forms them. Names and values are Microsoft's,
// this text is Virtual Device Studio's. Self-contained (C++20, nothing but this include root).

#ifndef MAKE_HRESULT
#define MAKE_HRESULT(sev, fac, code)                                                               \
    ((int)(((unsigned long)(sev) << 31) | ((unsigned long)(fac) << 16) | ((unsigned long)(code))))
#endif

#define VD_ERROR(code) MAKE_HRESULT(1, 0x77, code)

#define VD_E_NOTOPEN VD_ERROR(2)       /* 0x80770002: the object is not open */
#define VD_E_TIMEOUT VD_ERROR(3)       /* 0x80770003: the wait timed out */
#define VD_E_ABORT VD_ERROR(4)         /* 0x80770004: abort in effect; only clean-up works */
#define VD_E_SECURITY VD_ERROR(5)      /* 0x80770005: no access to the set's objects */
#define VD_E_INVALID VD_ERROR(6)       /* 0x80770006: invalid parameter */
#define VD_E_INSTANCE_NAME VD_ERROR(7) /* 0x80770007: unrecognised instance name */
#define VD_E_NOTSUPPORTED VD_ERROR(9)  /* 0x80770009: configuration not supported */
#define VD_E_MEMORY VD_ERROR(10)       /* 0x8077000a: out of memory */
#define VD_E_UNEXPECTED VD_ERROR(11)   /* 0x8077000b: internal error */
#define VD_E_PROTOCOL VD_ERROR(12)     /* 0x8077000c: call not valid in this state */
#define VD_E_OPEN VD_ERROR(13)         /* 0x8077000d: all devices are open */
#define VD_E_CLOSE VD_ERROR(14)        /* 0x8077000e: the object or device is now closed */
#define VD_E_BUSY VD_ERROR(15)         /* 0x8077000f: resource busy */
