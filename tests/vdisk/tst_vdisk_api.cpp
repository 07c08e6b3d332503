// vdisk_api: CreateVirtualDisk's C contract — every ERROR_INVALID_PARAMETER condition and the
// other refusals, Version 1 vs 2 flag rules, security descriptors, async progress and cancel —
// plus the C++ API's size rules. Images made here are read back by our reader; peers read
// them in vdisk_peers.
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include "vdisktestutil.h"
#include <vds/compat/virtdisk.h>
#include <vds/vdisk/createvirtualdisk.h>
#include <vds/vdisk/openimage.h>
#include <vds/vdisk/vhdformat.h>

using namespace vds;

namespace {

struct Call {
    VIRTUAL_STORAGE_TYPE type{VIRTUAL_STORAGE_TYPE_DEVICE_VHDX,
                              VIRTUAL_STORAGE_TYPE_VENDOR_MICROSOFT};
    std::u16string path;
    VIRTUAL_DISK_ACCESS_MASK mask = VIRTUAL_DISK_ACCESS_NONE;
    void *security = nullptr;
    CREATE_VIRTUAL_DISK_FLAG flags = CREATE_VIRTUAL_DISK_FLAG_NONE;
    ULONG providerFlags = 0;
    CREATE_VIRTUAL_DISK_PARAMETERS params{};
    std::u16string parent, source;

    Call()
    {
        params.Version = CREATE_VIRTUAL_DISK_VERSION_2;
        params.Version2.MaximumSize = 8 << 20;
    }
    DWORD run(PVIRTUAL_STORAGE_TYPE t = nullptr, bool nullType = false)
    {
        if (params.Version == CREATE_VIRTUAL_DISK_VERSION_1) {
            params.Version1.ParentPath = parent.empty() ? nullptr : parent.c_str();
            params.Version1.SourcePath = source.empty() ? nullptr : source.c_str();
        } else {
            params.Version2.ParentPath = parent.empty() ? nullptr : parent.c_str();
            params.Version2.SourcePath = source.empty() ? nullptr : source.c_str();
        }
        HANDLE h = nullptr;
        const DWORD rc = CreateVirtualDisk(nullType ? nullptr : (t ? t : &type), path.c_str(), mask,
                                           security, flags, providerFlags, &params, nullptr, &h);
        if (rc == ERROR_SUCCESS)
            CloseHandle(h);
        return rc;
    }
};

std::u16string u16(const QString &s)
{
    return s.toStdU16String();
}

} // namespace

class TestVdiskApi final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString next(const char *ext)
    {
        return m_dir.filePath(QStringLiteral("d%1.%2").arg(++m_n).arg(QLatin1String(ext)));
    }

private slots:
    void invalidParameters_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<uint>("expected");
        QTest::addColumn<QString>("named");
        const uint E87 = ERROR_INVALID_PARAMETER;
        QTest::newRow("type NULL") << "nulltype" << E87 << "VirtualStorageType";
        QTest::newRow("parameters NULL") << "nullparams" << E87 << "Parameters";
        QTest::newRow("version 3") << "v3" << E87 << "Version";
        QTest::newRow("v2 with access mask") << "v2mask" << E87 << "VIRTUAL_DISK_ACCESS_NONE";
        QTest::newRow("mask outside ALL") << "badmask" << E87 << "VIRTUAL_DISK_ACCESS_ALL";
        QTest::newRow("vhd block 3 MB") << "vhdblock" << E87 << "BlockSizeInBytes";
        QTest::newRow("vhd fixed with block size") << "vhdfixedblock" << E87 << "fixed VHD";
        QTest::newRow("vhdx block 3 MB") << "vhdxblock3" << E87 << "power of two";
        QTest::newRow("vhdx block 512 MB") << "vhdxblock512" << E87 << "power of two";
        QTest::newRow("size below 3 MB") << "small" << E87 << "3 MB";
        QTest::newRow("size not sector multiple") << "oddsize" << E87 << "multiple";
        QTest::newRow("size not 4K multiple") << "odd4k" << E87 << "multiple";
        QTest::newRow("v1 newer flag") << "v1flag" << E87 << "FULL_PHYSICAL_ALLOCATION";
        QTest::newRow("v2 unsupported flag") << "v2flag" << E87 << "Flags";
        QTest::newRow("provider flags") << "provider" << E87 << "ProviderSpecificFlags";
        QTest::newRow("v1 4K sectors") << "v1sector" << E87 << "Version 1";
        QTest::newRow("parent and source") << "parentsource" << E87 << "exclude";
        QTest::newRow("size with parent") << "sizeparent" << E87 << "ParentPath";
        QTest::newRow("size below source") << "belowsource" << E87 << "below the source";
        QTest::newRow("fixed with parent") << "fixedparent" << E87 << "FULL_PHYSICAL_ALLOCATION";
        QTest::newRow("sparse dynamic") << "sparsedyn" << E87 << "SPARSE_FILE";
        QTest::newRow("vhd above 2040 GiB")
            << "vhdhuge" << uint(ERROR_VHD_INVALID_SIZE) << "2040 GiB";
        QTest::newRow("vhdx above 64 TiB")
            << "vhdxhuge" << uint(ERROR_VHD_INVALID_SIZE) << "64 TiB";
        QTest::newRow("vhd 4K sectors")
            << "vhd4k" << uint(ERROR_VIRTDISK_UNSUPPORTED_DISK_SECTOR_SIZE) << "VHD supports 512";
        QTest::newRow("iso") << "iso" << uint(ERROR_NOT_SUPPORTED) << "ISO";
        QTest::newRow("vhd set") << "vhdset" << uint(ERROR_NOT_SUPPORTED) << "VHD Set";
        QTest::newRow("unknown device")
            << "dev9" << uint(ERROR_VIRTDISK_PROVIDER_NOT_FOUND) << "DeviceId";
        QTest::newRow("other vendor")
            << "vendor" << uint(ERROR_VIRTDISK_PROVIDER_NOT_FOUND) << "VendorId";
        QTest::newRow("unknown type, bad extension") << "ext" << E87 << "extension";
        QTest::newRow("security revision")
            << "secrev" << uint(ERROR_INVALID_SECURITY_DESCR) << "Revision";
        QTest::newRow("existing target") << "exists" << uint(ERROR_FILE_EXISTS) << "exists";
    }
    void invalidParameters()
    {
        QFETCH(QString, setup);
        QFETCH(uint, expected);
        QFETCH(QString, named);
        const QString src = m_dir.filePath(QStringLiteral("src16.raw"));
        if (!QFile::exists(src))
            QVERIFY(test::writeRaw(src, 16));
        const QString parent = m_dir.filePath(QStringLiteral("parent.vhdx"));
        if (!QFile::exists(parent)) {
            Call c;
            c.path = u16(parent);
            QCOMPARE(c.run(), DWORD(ERROR_SUCCESS));
        }
        Call c;
        const QString target =
            next(setup.startsWith(QLatin1String("vhd")) && !setup.startsWith(QLatin1String("vhdx"))
                     ? "vhd"
                     : "vhdx");
        c.path = u16(target);
        auto &v2 = c.params.Version2;
        VDS_POSIX_SECURITY sec{2, 0600, -1, -1};
        bool nullType = false;
        DWORD rc = 0;
        if (setup == QLatin1String("nulltype"))
            nullType = true;
        else if (setup == QLatin1String("nullparams")) {
            HANDLE h = nullptr;
            rc = CreateVirtualDisk(&c.type, c.path.c_str(), c.mask, nullptr, c.flags, 0, nullptr,
                                   nullptr, &h);
        } else if (setup == QLatin1String("v3"))
            c.params.Version = CREATE_VIRTUAL_DISK_VERSION_3;
        else if (setup == QLatin1String("v2mask"))
            c.mask = VIRTUAL_DISK_ACCESS_ATTACH_RW;
        else if (setup == QLatin1String("badmask")) {
            c.params.Version = CREATE_VIRTUAL_DISK_VERSION_1;
            c.params.Version1.MaximumSize = 8 << 20;
            c.mask = static_cast<VIRTUAL_DISK_ACCESS_MASK>(0x1);
        } else if (setup == QLatin1String("vhdblock")) {
            c.type.DeviceId = VIRTUAL_STORAGE_TYPE_DEVICE_VHD;
            v2.BlockSizeInBytes = 0x300000;
        } else if (setup == QLatin1String("vhdfixedblock")) {
            c.type.DeviceId = VIRTUAL_STORAGE_TYPE_DEVICE_VHD;
            v2.BlockSizeInBytes = 0x200000;
            c.flags = CREATE_VIRTUAL_DISK_FLAG_FULL_PHYSICAL_ALLOCATION;
        } else if (setup == QLatin1String("vhdxblock3"))
            v2.BlockSizeInBytes = 3 << 20;
        else if (setup == QLatin1String("vhdxblock512"))
            v2.BlockSizeInBytes = 512U << 20;
        else if (setup == QLatin1String("small"))
            v2.MaximumSize = 2 << 20;
        else if (setup == QLatin1String("oddsize"))
            v2.MaximumSize = (8 << 20) + 100;
        else if (setup == QLatin1String("odd4k")) {
            v2.MaximumSize = (8 << 20) + 512;
            v2.SectorSizeInBytes = 4096;
        } else if (setup == QLatin1String("v1flag")) {
            c.params.Version = CREATE_VIRTUAL_DISK_VERSION_1;
            c.params.Version1.MaximumSize = 8 << 20;
            c.mask = VIRTUAL_DISK_ACCESS_ALL;
            c.flags = CREATE_VIRTUAL_DISK_FLAG_PREVENT_WRITES_TO_SOURCE_DISK;
        } else if (setup == QLatin1String("v2flag"))
            c.flags = CREATE_VIRTUAL_DISK_FLAG_CREATE_BACKING_STORAGE;
        else if (setup == QLatin1String("provider"))
            c.providerFlags = 1;
        else if (setup == QLatin1String("v1sector")) {
            c.params.Version = CREATE_VIRTUAL_DISK_VERSION_1;
            c.params.Version1.MaximumSize = 8 << 20;
            c.params.Version1.SectorSizeInBytes = 4096;
        } else if (setup == QLatin1String("parentsource")) {
            v2.MaximumSize = 0;
            c.parent = u16(parent);
            c.source = u16(src);
        } else if (setup == QLatin1String("sizeparent"))
            c.parent = u16(parent);
        else if (setup == QLatin1String("belowsource")) {
            c.source = u16(src);
            v2.MaximumSize = 8 << 20;
        } else if (setup == QLatin1String("fixedparent")) {
            v2.MaximumSize = 0;
            c.parent = u16(parent);
            c.flags = CREATE_VIRTUAL_DISK_FLAG_FULL_PHYSICAL_ALLOCATION;
        } else if (setup == QLatin1String("sparsedyn"))
            c.flags = CREATE_VIRTUAL_DISK_FLAG_SPARSE_FILE;
        else if (setup == QLatin1String("vhdhuge")) {
            c.type.DeviceId = VIRTUAL_STORAGE_TYPE_DEVICE_VHD;
            v2.MaximumSize = 2041ULL << 30;
        } else if (setup == QLatin1String("vhdxhuge"))
            v2.MaximumSize = (64ULL << 40) + 4096;
        else if (setup == QLatin1String("vhd4k")) {
            c.type.DeviceId = VIRTUAL_STORAGE_TYPE_DEVICE_VHD;
            v2.SectorSizeInBytes = 4096;
        } else if (setup == QLatin1String("iso"))
            c.type.DeviceId = VIRTUAL_STORAGE_TYPE_DEVICE_ISO;
        else if (setup == QLatin1String("vhdset"))
            c.type.DeviceId = VIRTUAL_STORAGE_TYPE_DEVICE_VHDSET;
        else if (setup == QLatin1String("dev9"))
            c.type.DeviceId = 9;
        else if (setup == QLatin1String("vendor"))
            c.type.VendorId.Data1 = 1;
        else if (setup == QLatin1String("ext")) {
            c.type = {VIRTUAL_STORAGE_TYPE_DEVICE_UNKNOWN, VIRTUAL_STORAGE_TYPE_VENDOR_UNKNOWN};
            c.path = u16(m_dir.filePath(QStringLiteral("x.img")));
        } else if (setup == QLatin1String("secrev"))
            c.security = &sec;
        else if (setup == QLatin1String("exists"))
            c.path = u16(parent);
        else
            QFAIL("unknown setup");
        if (setup != QLatin1String("nullparams"))
            rc = c.run(nullptr, nullType);
        QCOMPARE(uint(rc), expected);
        const QString text = QString::fromUtf8(VdsGetLastVirtualDiskErrorText());
        QVERIFY2(text.contains(named, Qt::CaseInsensitive), qPrintable(text));
        if (setup != QLatin1String("exists"))
            QVERIFY(!QFile::exists(QString::fromStdU16String(c.path)));
        QVERIFY(!QFile::exists(QString::fromStdU16String(c.path) + QStringLiteral(".partial")));
    }

    void acceptedRules()
    {
        // Version 2 takes the newer flags we support; VHDX takes 1..256 MB blocks; UNKNOWN
        // storage type picks the format from the extension; WCHAR paths work too.
        Call c;
        c.path = u16(next("vhdx"));
        c.params.Version2.BlockSizeInBytes = 1 << 20;
        c.flags = CREATE_VIRTUAL_DISK_FLAG_PREVENT_WRITES_TO_SOURCE_DISK |
                  CREATE_VIRTUAL_DISK_FLAG_DO_NOT_COPY_METADATA_FROM_PARENT;
        QCOMPARE(c.run(), DWORD(ERROR_SUCCESS));
        auto r = vdisk::openImage(QString::fromStdU16String(c.path).toStdString());
        QVERIFY(r);
        QCOMPARE((*r)->info().blockSize, 1U << 20);

        Call u;
        u.type = {VIRTUAL_STORAGE_TYPE_DEVICE_UNKNOWN, VIRTUAL_STORAGE_TYPE_VENDOR_UNKNOWN};
        const QString vhdPath = next("VHD");
        u.path = u16(vhdPath);
        u.params.Version = CREATE_VIRTUAL_DISK_VERSION_1;
        u.params.Version1.MaximumSize = 5 << 20;
        u.params.Version1.BlockSizeInBytes = 0x80000;
        u.mask = VIRTUAL_DISK_ACCESS_ALL;
        QCOMPARE(u.run(), DWORD(ERROR_SUCCESS));
        auto v = vdisk::openImage(vhdPath.toStdString());
        QVERIFY(v);
        QCOMPARE((*v)->info().format, vdisk::DiskFormat::Vhd);
        QCOMPARE((*v)->info().blockSize, 0x80000U);

        const std::u16string p = u16(next("vhdx"));
        WCHAR w[512] = {};
        QVERIFY(p.size() < 511);
        for (size_t i = 0; i < p.size(); ++i)
            w[i] = static_cast<WCHAR>(p[i]);
        CREATE_VIRTUAL_DISK_PARAMETERS params{};
        params.Version = CREATE_VIRTUAL_DISK_VERSION_2;
        params.Version2.MaximumSize = 4 << 20;
        params.Version2.UniqueId = {0x11223344, 0x5566, 0x7788, {1, 2, 3, 4, 5, 6, 7, 8}};
        VIRTUAL_STORAGE_TYPE t{VIRTUAL_STORAGE_TYPE_DEVICE_VHDX,
                               VIRTUAL_STORAGE_TYPE_VENDOR_MICROSOFT};
        HANDLE h = nullptr;
        QCOMPARE(CreateVirtualDisk(&t, static_cast<const WCHAR *>(w), VIRTUAL_DISK_ACCESS_NONE,
                                   nullptr, CREATE_VIRTUAL_DISK_FLAG_NONE, 0, &params, nullptr, &h),
                 DWORD(ERROR_SUCCESS));
        QVERIFY(CloseHandle(h));
        QVERIFY(!CloseHandle(h)); // closed handles are not handles
        auto x = vdisk::openImage(QString::fromStdU16String(p).toStdString());
        QVERIFY(x);
        QCOMPARE(QString::fromStdString((*x)->info().uniqueId),
                 QStringLiteral("11223344-5566-7788-0102-030405060708"));
    }

    void securityDescriptor()
    {
        const mode_t old = ::umask(027);
        Call plain;
        const QString a = next("vhdx");
        plain.path = u16(a);
        QCOMPARE(plain.run(), DWORD(ERROR_SUCCESS));
        struct stat st {};
        QCOMPARE(::stat(a.toLocal8Bit().constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0640)); // NULL: the directory's defaults (umask)

        Call secured;
        const QString b = next("vhdx");
        secured.path = u16(b);
        VDS_POSIX_SECURITY sec{VDS_POSIX_SECURITY_REVISION, 0604, 4321, 4322};
        secured.security = &sec;
        QCOMPARE(secured.run(), DWORD(ERROR_SUCCESS));
        QCOMPARE(::stat(b.toLocal8Bit().constData(), &st), 0);
        ::umask(old);
        QCOMPARE(st.st_mode & 07777, mode_t(0604));
        if (::geteuid() == 0) {
            QCOMPARE(st.st_uid, uid_t(4321));
            QCOMPARE(st.st_gid, gid_t(4322));
        }
    }

    void asyncProgressAndCancel()
    {
        const QString src = m_dir.filePath(QStringLiteral("src64.raw"));
        QVERIFY(test::writeRaw(src, 64, 7));
        const std::u16string s = u16(src);
        const QString target = next("vhdx");
        Call c;
        c.path = u16(target);
        c.params.Version2.MaximumSize = 0;
        c.params.Version2.SourcePath = s.c_str();
        OVERLAPPED ov{};
        HANDLE h = nullptr;
        DWORD rc = CreateVirtualDisk(&c.type, c.path.c_str(), VIRTUAL_DISK_ACCESS_NONE, nullptr,
                                     CREATE_VIRTUAL_DISK_FLAG_FULL_PHYSICAL_ALLOCATION, 0,
                                     &c.params, &ov, &h);
        QCOMPARE(rc, DWORD(ERROR_IO_PENDING));
        VIRTUAL_DISK_PROGRESS p{};
        OVERLAPPED other{};
        QCOMPARE(GetVirtualDiskOperationProgress(h, &other, &p), DWORD(ERROR_INVALID_PARAMETER));
        QCOMPARE(GetVirtualDiskOperationProgress(nullptr, &ov, &p), DWORD(ERROR_INVALID_HANDLE));
        int polls = 0;
        do {
            QCOMPARE(GetVirtualDiskOperationProgress(h, &ov, &p), DWORD(ERROR_SUCCESS));
            QVERIFY(p.CurrentValue <= p.CompletionValue || p.CompletionValue == 0);
            QTest::qWait(5);
        } while (p.OperationStatus == ERROR_IO_PENDING && ++polls < 4000);
        QCOMPARE(p.OperationStatus, std::uint32_t(ERROR_SUCCESS));
        QCOMPARE(p.CompletionValue, std::uint64_t(64) << 20);
        QCOMPARE(p.CurrentValue, p.CompletionValue);
        QCOMPARE(DWORD(ov.Internal), DWORD(ERROR_SUCCESS));
        QVERIFY(CloseHandle(h));
        auto r = vdisk::openImage(target.toStdString());
        QVERIFY(r);
        QCOMPARE((*r)->info().type, vdisk::DiskType::Fixed);

        // Cancel: a bigger source, cancelled at once → ERROR_OPERATION_ABORTED, nothing left.
        const QString big = m_dir.filePath(QStringLiteral("src512.raw"));
        QVERIFY(test::writeRaw(big, 512, 9));
        const std::u16string b = u16(big);
        const QString t2 = next("vhdx");
        Call d;
        d.path = u16(t2);
        d.params.Version2.MaximumSize = 0;
        d.params.Version2.SourcePath = b.c_str();
        OVERLAPPED ov2{};
        rc = CreateVirtualDisk(&d.type, d.path.c_str(), VIRTUAL_DISK_ACCESS_NONE, nullptr,
                               CREATE_VIRTUAL_DISK_FLAG_NONE, 0, &d.params, &ov2, &h);
        QCOMPARE(rc, DWORD(ERROR_IO_PENDING));
        QVERIFY(CancelIoEx(h, &ov2));
        polls = 0;
        do {
            QCOMPARE(GetVirtualDiskOperationProgress(h, &ov2, &p), DWORD(ERROR_SUCCESS));
            QTest::qWait(5);
        } while (p.OperationStatus == ERROR_IO_PENDING && ++polls < 4000);
        QCOMPARE(p.OperationStatus, std::uint32_t(ERROR_OPERATION_ABORTED));
        QVERIFY(CloseHandle(h));
        QVERIFY(!QFile::exists(t2));
        QVERIFY(!QFile::exists(t2 + QStringLiteral(".partial")));
    }

    void largerThanSource()
    {
        const QString src = m_dir.filePath(QStringLiteral("src5.raw"));
        QVERIFY(test::writeRaw(src, 5, 3));
        for (auto format : {vdisk::DiskFormat::Vhd, vdisk::DiskFormat::Vhdx}) {
            vdisk::CreateParams p;
            p.path = next(format == vdisk::DiskFormat::Vhd ? "vhd" : "vhdx").toStdString();
            p.format = format;
            p.sourcePath = src.toStdString();
            p.maximumSize = 9 << 20;
            p.verify = true;
            std::atomic_bool cancel{false};
            auto r = vdisk::createVirtualDisk(p, nullptr, cancel);
            QVERIFY2(r, r ? "" : r.error().toString().c_str());
            QVERIFY(r->verified);
            QCOMPARE(r->info.virtualSize, std::uint64_t(9) << 20);
            auto img = vdisk::openImage(p.path);
            QVERIFY(img);
            QByteArray data(9 << 20, 'x');
            QVERIFY((*img)->read(0, data.data(), size_t(data.size())));
            const QByteArray raw = test::readAll(src);
            QCOMPARE(data.left(raw.size()), raw);
            QCOMPARE(data.mid(raw.size()), QByteArray((9 << 20) - raw.size(), '\0'));
        }
    }

    void fourKSectorVhdx()
    {
        // qemu cannot open 4096-byte-sector VHDX: our reader checks the data (vhdiinfo the
        // structure, in vdisk_peers).
        const QString src = m_dir.filePath(QStringLiteral("src4k.raw"));
        QVERIFY(test::writeRaw(src, 40, 13));
        vdisk::CreateParams p;
        p.path = next("vhdx").toStdString();
        p.sourcePath = src.toStdString();
        p.logicalSectorSize = 4096;
        p.verify = true;
        std::atomic_bool cancel{false};
        auto r = vdisk::createVirtualDisk(p, nullptr, cancel);
        QVERIFY2(r, r ? "" : r.error().toString().c_str());
        QCOMPARE(r->info.logicalSectorSize, 4096U);
        QCOMPARE(r->info.physicalSectorSize, 4096U);
        vdisk::CreateParams c;
        c.path = next("vhdx").toStdString();
        c.type = vdisk::DiskType::Differencing;
        c.parentPath = p.path;
        auto child = vdisk::createVirtualDisk(c, nullptr, cancel);
        QVERIFY2(child, child ? "" : child.error().toString().c_str());
        auto img = vdisk::openImage(c.path);
        QVERIFY(img);
        QCOMPARE((*img)->info().logicalSectorSize, 4096U);
        QByteArray data(40 << 20, '\0');
        QVERIFY((*img)->read(0, data.data(), size_t(data.size())));
        QVERIFY(data == test::readAll(src));
        // 4K logical sectors need sizes in whole 4K sectors.
        vdisk::CreateParams odd;
        odd.path = next("vhdx").toStdString();
        odd.maximumSize = (8 << 20) + 512;
        odd.logicalSectorSize = 4096;
        auto refused = vdisk::createVirtualDisk(odd, nullptr, cancel);
        QVERIFY(!refused);
        QCOMPARE(vdisk::win32Code(refused.error()), std::uint32_t(ERROR_INVALID_PARAMETER));
    }

    void geometryKeepsExactSize()
    {
        // CHS product when it is exact, else the maximum geometry (docs/vhd-formats.md,
        // "Current Size and QEMU").
        const auto g = vdisk::vhd::geometryFor(std::uint64_t(17 * 4 * 1000) * 512);
        QCOMPARE(std::uint64_t(g.cylinders) * g.heads * g.sectorsPerTrack * 512,
                 std::uint64_t(17 * 4 * 1000) * 512);
        const auto m = vdisk::vhd::geometryFor((100ULL << 20) + 7 * 512);
        QCOMPARE(int(m.cylinders), 65535);
        QCOMPARE(int(m.heads), 16);
        QCOMPARE(int(m.sectorsPerTrack), 255);
    }
};

QTEST_GUILESS_MAIN(TestVdiskApi)
#include "tst_vdisk_api.moc"
