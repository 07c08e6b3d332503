#pragma once

// Microsoft SQL Server VDI result codes (vdierror.h), for Linux. Names and values are
// Microsoft's (facility 0x77, severity bit set); this file is part of Virtual Device Studio's
// compatibility headers and is self-contained (C++20, no other include path needed).

#include "vdicommon.h"

#define VD_E_NOTOPEN static_cast<HRESULT>(0x80770002u)       /* object not open */
#define VD_E_TIMEOUT static_cast<HRESULT>(0x80770003u)       /* wait timed out */
#define VD_E_ABORT static_cast<HRESULT>(0x80770004u)         /* abort in effect */
#define VD_E_SECURITY static_cast<HRESULT>(0x80770005u)      /* no security environment */
#define VD_E_INVALID static_cast<HRESULT>(0x80770006u)       /* invalid parameter */
#define VD_E_INSTANCE_NAME static_cast<HRESULT>(0x80770007u) /* unrecognised instance name */
#define VD_E_NOTSUPPORTED static_cast<HRESULT>(0x80770009u)  /* configuration not supported */
#define VD_E_MEMORY static_cast<HRESULT>(0x8077000au)        /* out of memory */
#define VD_E_UNEXPECTED static_cast<HRESULT>(0x8077000bu)    /* internal error */
#define VD_E_PROTOCOL static_cast<HRESULT>(0x8077000cu)      /* not valid in this state */
#define VD_E_OPEN static_cast<HRESULT>(0x8077000du)          /* all devices are open */
#define VD_E_CLOSE static_cast<HRESULT>(0x8077000eu)         /* object or device now closed */
#define VD_E_BUSY static_cast<HRESULT>(0x8077000fu)          /* resource busy */
