// vdi_compat: Microsoft's client API from <compat/vdi.h> (what a ported Windows client calls):
// CoCreateInstance, CreateEx(NULL, u"name", &cfg), the GetCommand loop, the deprecated Create
// and OpenInSecondary, buffer handles, QueryInterface/AddRef/Release, and the values.
#include <QtTest>

#include <future>

#include "vdiengine.h"
#include "vditest.h"
#include <vds/compat/vdi.h>
#include <vds/compat/vdierror.h>
#include <vds/vdi/serverset.h>

// Microsoft's values, pinned.
static_assert(sizeof(VDConfig) == 44 && sizeof(VDC_Command) == 24);
static_assert(VD_E_NOTOPEN == static_cast<HRESULT>(0x80770002u) &&
              VD_E_TIMEOUT == static_cast<HRESULT>(0x80770003u));
static_assert(VD_E_ABORT == static_cast<HRESULT>(0x80770004u) &&
              VD_E_SECURITY == static_cast<HRESULT>(0x80770005u));
static_assert(VD_E_INVALID == static_cast<HRESULT>(0x80770006u) &&
              VD_E_INSTANCE_NAME == static_cast<HRESULT>(0x80770007u));
static_assert(VD_E_NOTSUPPORTED == static_cast<HRESULT>(0x80770009u) &&
              VD_E_MEMORY == static_cast<HRESULT>(0x8077000au));
static_assert(VD_E_UNEXPECTED == static_cast<HRESULT>(0x8077000bu) &&
              VD_E_PROTOCOL == static_cast<HRESULT>(0x8077000cu));
static_assert(VD_E_OPEN == static_cast<HRESULT>(0x8077000du) &&
              VD_E_CLOSE == static_cast<HRESULT>(0x8077000eu));
static_assert(VD_E_BUSY == static_cast<HRESULT>(0x8077000fu));
static_assert(VDF_Removable == 0x1 && VDF_Rewind == 0x2 && VDF_Position == 0x10 &&
              VDF_SkipBlocks == 0x20);
static_assert(VDF_ReversePosition == 0x40 && VDF_Discard == 0x80 && VDF_FileMarks == 0x100);
static_assert(VDF_RandomAccess == 0x200 && VDF_SnapshotPrepare == 0x400 &&
              VDF_EnumFrozenFiles == 0x800);
static_assert(VDF_VSSWriter == 0x1000 && VDF_RequestComplete == 0x2000 &&
              VDF_WriteMedia == 0x10000);
static_assert(VDF_ReadMedia == 0x20000 && VDF_CompleteEnabled == 0x40000 &&
              VDF_LatchStats == 0x80000000u);
static_assert(VDF_LikePipe == 0 && VDF_LikeTape == 0x173 && VDF_LikeDisk == 0x200);
static_assert(VDC_Read == 1 && VDC_Write == 2 && VDC_ClearError == 3 && VDC_Rewind == 4 &&
              VDC_WriteMark == 5);
static_assert(VDC_SkipMarks == 6 && VDC_SkipBlocks == 7 && VDC_Load == 8 && VDC_GetPosition == 9);
static_assert(VDC_SetPosition == 10 && VDC_Discard == 11 && VDC_Flush == 12 && VDC_Snapshot == 13);
static_assert(VDC_MountSnapshot == 14 && VDC_PrepareToFreeze == 15 && VDC_FileInfoBegin == 16);
static_assert(VDC_FileInfoEnd == 17 && VDC_GetError == 18 && VDC_Complete == 19);
static_assert(ERROR_SUCCESS == 0 && ERROR_HANDLE_EOF == 38 && ERROR_NOT_SUPPORTED == 50 &&
              ERROR_DISK_FULL == 112);
static_assert(ERROR_OPERATION_ABORTED == 995 && ERROR_NO_DATA_DETECTED == 1104 &&
              ERROR_IO_DEVICE == 1117);
static_assert(ERROR_ARENA_TRASHED == 7 && ERROR_HANDLE_DISK_FULL == 39 &&
              ERROR_EOM_OVERFLOW == 1129);
static_assert(INFINITE == 0xFFFFFFFFu && NOERROR == 0 && S_OK == 0);
static_assert(offsetof(VDConfig, bufferAreaSize) == 40 && offsetof(VDC_Command, buffer) == 16);

using namespace vdstest;

class TestVdiCompat : public QObject {
    Q_OBJECT
private slots:
    void windowsStyleClient_data();
    void windowsStyleClient();
    void deprecatedCreateReadsVirtualServerName();
    void coCreateInstanceRules();
    void errorsComeBackAsHresults();
    void secondaryAndBufferHandles();
};

namespace {
IClientVirtualDeviceSet2 *newSet()
{
    IClientVirtualDeviceSet2 *vds = nullptr;
    const HRESULT hr =
        CoCreateInstance(CLSID_MSSQL_ClientVirtualDeviceSet, NULL, CLSCTX_INPROC_SERVER,
                         IID_IClientVirtualDeviceSet2, reinterpret_cast<void **>(&vds));
    return SUCCEEDED(hr) ? vds : nullptr;
}

std::u16string u16(const std::string &ascii)
{
    return std::u16string(ascii.begin(), ascii.end());
}
} // namespace

void TestVdiCompat::windowsStyleClient_data()
{
    QTest::addColumn<int>("direction");
    QTest::newRow("backup") << 0;
    QTest::newRow("restore") << 1;
}

void TestVdiCompat::windowsStyleClient()
{
    QFETCH(int, direction);
    QCOMPARE(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_OK);
    StreamSpec spec;
    spec.instance = "";
    spec.name = uniqueName("compat");
    spec.direction = direction == 0 ? Direction::Backup : Direction::Restore;
    spec.bytesPerDevice = (5u << 20) + 1024;
    spec.transfer = 256u << 10;
    spec.seed = 5;
    IClientVirtualDeviceSet2 *vds = newSet();
    QVERIFY(vds);
    VDConfig cfg{};
    cfg.deviceCount = 1;
    const std::u16string name = u16(spec.name);
    QCOMPARE(vds->CreateEx(NULL, name.c_str(), &cfg), NOERROR);
    auto server = std::async(std::launch::async, [&] { return runServer(spec); });
    HRESULT hr = vds->GetConfiguration(INFINITE, &cfg);
    QCOMPARE(hr, NOERROR);
    QCOMPARE(cfg.maxTransferSize, spec.transfer);
    QVERIFY(cfg.features & (direction == 0 ? VDF_WriteMedia : VDF_ReadMedia));
    IClientVirtualDevice *vd = nullptr;
    QCOMPARE(vds->OpenDevice(name.c_str(), &vd), NOERROR);
    QVERIFY(vd);
    std::uint64_t offset = 0;
    bool bad = false;
    VDC_Command *cmd = nullptr;
    while (SUCCEEDED(hr = vd->GetCommand(INFINITE, &cmd))) {
        DWORD bytes = 0, code = ERROR_SUCCESS;
        switch (cmd->commandCode) {
        case VDC_Write:
            bad = bad || !checkPattern(reinterpret_cast<std::byte *>(cmd->buffer), cmd->size,
                                       offset, 0, spec.seed);
            offset += cmd->size;
            bytes = cmd->size;
            break;
        case VDC_Read: {
            const auto n = static_cast<DWORD>(
                std::min<std::uint64_t>(cmd->size, spec.bytesPerDevice - offset));
            fillPattern(reinterpret_cast<std::byte *>(cmd->buffer), n, offset, 0, spec.seed);
            offset += n;
            bytes = n;
            code = n < cmd->size ? ERROR_HANDLE_EOF : ERROR_SUCCESS;
            break;
        }
        case VDC_Flush:
        case VDC_ClearError: break;
        default: code = ERROR_NOT_SUPPORTED;
        }
        QCOMPARE(vd->CompleteCommand(cmd, code, bytes, 0), NOERROR);
    }
    QCOMPARE(hr, VD_E_CLOSE);
    QVERIFY(!bad);
    QCOMPARE(offset, spec.bytesPerDevice);
    QCOMPARE(vds->Close(), NOERROR);
    QCOMPARE(vds->Close(), VD_E_PROTOCOL);
    QCOMPARE(vds->Release(), 0ul);
    CoUninitialize();
    const StreamResult s = server.get();
    QVERIFY2(s.ok, s.error.c_str());
}

void TestVdiCompat::deprecatedCreateReadsVirtualServerName()
{
    const std::string inst = uniqueInstance('A');
    const std::string name = uniqueName("legacy");
    qputenv("_VIRTUAL_SERVER_NAME_", QByteArray::fromStdString(inst));
    IClientVirtualDeviceSet2 *vds = newSet();
    QVERIFY(vds);
    VDConfig cfg{};
    cfg.deviceCount = 1;
    const std::u16string n = u16(name);
    QCOMPARE(vds->Create(n.c_str(), &cfg), NOERROR);
    vds::vdi::ServerSet server;
    QVERIFY(server.open(inst, name).has_value()); // created in the environment's instance
    QVERIFY(!vds::vdi::ServerSet().open("", name).has_value());
    (void)server.close();
    vds->Close();
    vds->Release();
    qunsetenv("_VIRTUAL_SERVER_NAME_");
    QVERIFY(shmObjects(inst).isEmpty());
}

void TestVdiCompat::coCreateInstanceRules()
{
    void *p = reinterpret_cast<void *>(1);
    const GUID other = {0x12345678, 0, 0, {0, 0, 0, 0, 0, 0, 0, 1}};
    QCOMPARE(CoCreateInstance(other, NULL, CLSCTX_INPROC_SERVER, IID_IClientVirtualDeviceSet2, &p),
             REGDB_E_CLASSNOTREG);
    QVERIFY(p == nullptr);
    QCOMPARE(CoCreateInstance(CLSID_MSSQL_ClientVirtualDeviceSet, NULL, CLSCTX_INPROC_SERVER,
                              IID_IServerVirtualDeviceSet2, &p),
             E_NOINTERFACE);
    // The v1 interface id works too, and QueryInterface climbs to v2.
    IClientVirtualDeviceSet *v1 = nullptr;
    QCOMPARE(CoCreateInstance(CLSID_MSSQL_ClientVirtualDeviceSet, NULL, CLSCTX_ALL,
                              IID_IClientVirtualDeviceSet, reinterpret_cast<void **>(&v1)),
             S_OK);
    IClientVirtualDeviceSet2 *v2 = nullptr;
    QCOMPARE(v1->QueryInterface(IID_IClientVirtualDeviceSet2, reinterpret_cast<void **>(&v2)),
             S_OK);
    QCOMPARE(v1->QueryInterface(IID_IClientVirtualDevice, &p), E_NOINTERFACE);
    QCOMPARE(v2->AddRef(), 3ul);
    QCOMPARE(v2->Release(), 2ul);
    QCOMPARE(v2->Release(), 1ul);
    QCOMPARE(v1->Release(), 0ul); // freed
    // Microsoft's libsqlvdi.so as provider: absent → an error, no object.
    qputenv("VDS_VDI_PROVIDER", "sqlvdi");
    qputenv("VDS_SQLVDI_PATH", "/nonexistent/libsqlvdi.so");
    p = reinterpret_cast<void *>(1);
    QVERIFY(FAILED(CoCreateInstance(CLSID_MSSQL_ClientVirtualDeviceSet, NULL, CLSCTX_INPROC_SERVER,
                                    IID_IClientVirtualDeviceSet2, &p)));
    QVERIFY(p == nullptr);
    qputenv("VDS_SQLVDI_PATH", SQLVDI_STANDIN_PATH);
    IClientVirtualDeviceSet2 *viaLib = nullptr;
    QCOMPARE(CoCreateInstance(CLSID_MSSQL_ClientVirtualDeviceSet, NULL, CLSCTX_INPROC_SERVER,
                              IID_IClientVirtualDeviceSet2, reinterpret_cast<void **>(&viaLib)),
             S_OK);
    VDConfig cfg{};
    cfg.deviceCount = 1;
    QCOMPARE(viaLib->CreateEx(u"Named", u"x", &cfg), VD_E_INSTANCE_NAME);
    viaLib->Release();
    qunsetenv("VDS_VDI_PROVIDER");
    qunsetenv("VDS_SQLVDI_PATH");
}

void TestVdiCompat::errorsComeBackAsHresults()
{
    IClientVirtualDeviceSet2 *vds = newSet();
    QVERIFY(vds);
    VDConfig cfg{};
    QCOMPARE(vds->GetConfiguration(0, &cfg), VD_E_PROTOCOL);
    cfg.deviceCount = 0;
    QCOMPARE(vds->CreateEx(NULL, u"x", &cfg), VD_E_NOTSUPPORTED);
    cfg.deviceCount = 1;
    QCOMPARE(vds->CreateEx(u"MACHINE\\INST", u"x", &cfg), VD_E_INSTANCE_NAME);
    QCOMPARE(vds->CreateEx(NULL, u"a\\b", &cfg), VD_E_INVALID);
    const char16_t lone[] = {0xD800, u'x', 0};
    QCOMPARE(vds->CreateEx(NULL, lone, &cfg), VD_E_INVALID); // unpaired surrogate
    // const WCHAR* strings work as well as u"" literals.
    const std::u16string name = u16(uniqueName("wchar"));
    WCHAR wide[128] = {};
    for (std::size_t i = 0; i < name.size() && i < 127; ++i)
        wide[i] = static_cast<WCHAR>(name[i]);
    const WCHAR *instance = nullptr;
    QCOMPARE(vds->CreateEx(instance, wide, &cfg), NOERROR);
    QCOMPARE(vds->CreateEx(NULL, name.c_str(), &cfg), VD_E_PROTOCOL);
    QCOMPARE(vds->GetConfiguration(0, &cfg), VD_E_TIMEOUT);
    QCOMPARE(vds->GetConfiguration(50, &cfg), VD_E_TIMEOUT);
    QCOMPARE(vds->SignalAbort(), NOERROR);
    QCOMPARE(vds->GetConfiguration(INFINITE, &cfg), VD_E_ABORT);
    IClientVirtualDevice *vd = reinterpret_cast<IClientVirtualDevice *>(1);
    QCOMPARE(vds->OpenDevice(wide, &vd), VD_E_ABORT);
    QVERIFY(vd == nullptr); // NULL out-pointer on failure
    QCOMPARE(vds->Close(), NOERROR);
    vds->Release();
}

void TestVdiCompat::secondaryAndBufferHandles()
{
    const std::string name = uniqueName("handles");
    const std::u16string n = u16(name);
    IClientVirtualDeviceSet2 *primary = newSet();
    QVERIFY(primary);
    VDConfig cfg{};
    cfg.deviceCount = 2;
    QCOMPARE(primary->CreateEx(NULL, n.c_str(), &cfg), NOERROR);
    vds::vdi::ServerSet server;
    QVERIFY(server.open("", name).has_value());
    QVERIFY(server.beginConfiguration({0, 0, 512, 65536}).has_value());
    QVERIFY(server.requestBuffers(65536, 0, 2).has_value());
    QVERIFY(server.endConfiguration().has_value());
    IClientVirtualDeviceSet2 *secondary = newSet();
    QVERIFY(secondary);
    QCOMPARE(secondary->OpenInSecondaryEx(NULL, n.c_str()), VD_E_PROTOCOL); // too early
    QCOMPARE(primary->GetConfiguration(1000, &cfg), NOERROR);
    QCOMPARE(secondary->OpenInSecondary(n.c_str()), NOERROR); // deprecated form: default instance
    auto *dev1 = *server.openDevice(name);
    auto *dev2 = *server.openDevice(name + "#1");
    auto buf = *server.allocateBuffer(65536);
    std::memset(buf.data, 0xA5, 65536);
    QVERIFY(dev2->sendCommand({VDC_Write, 65536, 0, buf.data, 0}));
    const std::u16string n2 = u16(name + "#1");
    IClientVirtualDevice *vd = nullptr;
    QCOMPARE(secondary->OpenDevice(n2.c_str(), &vd), NOERROR);
    VDC_Command *cmd = nullptr;
    QCOMPARE(vd->GetCommand(1000, &cmd), NOERROR);
    DWORD handle = 0;
    QCOMPARE(secondary->GetBufferHandle(cmd->buffer, &handle), NOERROR);
    QCOMPARE(handle, buf.offset);
    BYTE *mapped = nullptr;
    QCOMPARE(primary->MapBufferHandle(handle, &mapped), NOERROR);
    QCOMPARE(static_cast<int>(mapped[65535]), 0xA5);
    BYTE local = 0;
    QCOMPARE(primary->GetBufferHandle(&local, &handle), VD_E_INVALID);
    QCOMPARE(vd->CompleteCommand(cmd, ERROR_SUCCESS, 65536, 0), NOERROR);
    QCOMPARE(vd->CompleteCommand(cmd, ERROR_SUCCESS, 65536, 0), VD_E_INVALID);
    QCOMPARE(dev2->waitCompletion(1000)->bytesTransferred, 65536u);
    QVERIFY(dev1->closeDevice().has_value());
    QVERIFY(dev2->closeDevice().has_value());
    QCOMPARE(vd->GetCommand(1000, &cmd), VD_E_CLOSE);
    QCOMPARE(secondary->Close(), NOERROR);
    (void)server.close();
    QCOMPARE(primary->Close(), NOERROR);
    secondary->Release();
    primary->Release();
}

QTEST_GUILESS_MAIN(TestVdiCompat)
#include "tst_vdi_compat.moc"
