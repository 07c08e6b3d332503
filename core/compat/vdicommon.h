#pragma once

// The Windows base types the VDI compatibility headers use (a subset of what <windows.h>
// gives a Windows VDI client). unixODBC's <sqltypes.h> defines several of the same names;
// every definition here agrees with it (DWORD = unsigned int on LP64, WCHAR = unsigned short,
// BOOL = int, ULONG = unsigned long), so the two headers combine in either include order.
// Struct fields elsewhere use fixed-width types, so no layout depends on that order.

#include <cstddef>
#include <cstdint>

typedef std::int32_t HRESULT;
typedef unsigned int DWORD;
typedef std::uint64_t DWORDLONG;
typedef unsigned short WORD;
typedef unsigned char BYTE;
typedef unsigned long ULONG;
typedef unsigned short WCHAR;
typedef WCHAR *LPWSTR;
typedef const WCHAR *LPCWSTR;
typedef void *LPVOID;
#ifndef BOOL /* unixODBC makes BOOL a macro for int */
typedef int BOOL;
#endif
#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

#ifndef GUID_DEFINED
#define GUID_DEFINED
typedef struct _GUID {
    std::uint32_t Data1;
    std::uint16_t Data2;
    std::uint16_t Data3;
    std::uint8_t Data4[8];
} GUID;
#endif
typedef GUID IID;
typedef GUID CLSID;
typedef const GUID &REFGUID;
typedef const IID &REFIID;
typedef const CLSID &REFCLSID;

inline bool operator==(const GUID &a, const GUID &b) noexcept
{
    if (a.Data1 != b.Data1 || a.Data2 != b.Data2 || a.Data3 != b.Data3)
        return false;
    for (int i = 0; i < 8; ++i)
        if (a.Data4[i] != b.Data4[i])
            return false;
    return true;
}
inline bool IsEqualGUID(REFGUID a, REFGUID b) noexcept
{
    return a == b;
}

#ifndef S_OK
#define S_OK static_cast<HRESULT>(0)
#endif
#ifndef NOERROR
#define NOERROR 0
#endif
#ifndef E_NOINTERFACE
#define E_NOINTERFACE static_cast<HRESULT>(0x80004002u)
#endif
#ifndef E_POINTER
#define E_POINTER static_cast<HRESULT>(0x80004003u)
#endif
#ifndef E_OUTOFMEMORY
#define E_OUTOFMEMORY static_cast<HRESULT>(0x8007000Eu)
#endif
#ifndef CLASS_E_NOAGGREGATION
#define CLASS_E_NOAGGREGATION static_cast<HRESULT>(0x80040110u)
#endif
#ifndef REGDB_E_CLASSNOTREG
#define REGDB_E_CLASSNOTREG static_cast<HRESULT>(0x80040154u)
#endif
#ifndef SUCCEEDED
#define SUCCEEDED(hr) (static_cast<HRESULT>(hr) >= 0)
#endif
#ifndef FAILED
#define FAILED(hr) (static_cast<HRESULT>(hr) < 0)
#endif
#ifndef INFINITE
#define INFINITE 0xFFFFFFFFu
#endif
