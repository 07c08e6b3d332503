#pragma once

#include <QList>
#include <QWizardPage>

#include <vds/disks/diskenumerator.h>
#include <vds/vdisk/imageinfo.h>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace vds::ui::vhd {

class VhdWizard;

/// The source: a physical disk (listed with model, size, partitions, mount points and
/// badges) or an image file (raw, VHD or VHDX, probed as it is chosen). The disk holding the
/// running system and disks mounted read-write carry a warning and need an explicit
/// confirmation. A disk this user cannot read directly is offered through UDisks2, with what
/// that needs explained. The disk list and image headers are read off the GUI thread. GUI thread
/// only.
class SourcePage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcePage)
public:
    explicit SourcePage(QWidget *parent = nullptr);

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

    /// Where the disk list comes from (tests hand it a fake sysfs tree).
    void setDiskRoots(const disks::DiskEnumerator::Roots &roots) { m_roots = roots; }
    /// Reads the disk list again in the background; `disksListed` follows.
    void refreshDisks();

    [[nodiscard]] bool diskSelected() const;
    [[nodiscard]] QString sourcePath() const;
    /// The selected disk, when a disk is the source.
    [[nodiscard]] const disks::DiskInfo *selectedDisk() const;
    /// The disk cannot be opened directly: the job asks UDisks2 for it.
    [[nodiscard]] bool needsUdisks() const;
    [[nodiscard]] QString problem() const;
    [[nodiscard]] QString warningText() const;

    [[nodiscard]] QTreeWidget *diskList() const { return m_disks; }
    [[nodiscard]] QRadioButton *imageChoice() const { return m_imageChoice; }
    [[nodiscard]] QLineEdit *imageEdit() const { return m_image; }
    [[nodiscard]] QCheckBox *confirmBox() const { return m_confirm; }
    [[nodiscard]] QCheckBox *udisksBox() const { return m_udisks; }
    /// Selects the disk with this device path; false when not listed.
    bool selectDisk(const QString &path);

signals:
    void disksListed(int count);
    /// The chosen image file's headers were read (off the GUI thread) and shown.
    void imageProbed();

private:
    void showDisks(const QList<disks::DiskInfo> &list);
    void update();
    void probeImage();

    disks::DiskEnumerator::Roots m_roots;
    QList<disks::DiskInfo> m_list;
    QRadioButton *m_diskChoice = nullptr;
    QRadioButton *m_imageChoice = nullptr;
    QTreeWidget *m_disks = nullptr;
    QPushButton *m_refresh = nullptr;
    QLineEdit *m_image = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_imageInfo = nullptr;
    QLabel *m_warning = nullptr;
    QCheckBox *m_confirm = nullptr;
    QLabel *m_access = nullptr;
    QCheckBox *m_udisks = nullptr;
    QString m_imageProblem;
    quint64 m_probeGeneration = 0; ///< answers of older probes are dropped
    bool m_listing = false;
};

/// Target format and type, with block size under "Advanced".
class TargetPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetPage)
public:
    explicit TargetPage(QWidget *parent = nullptr);
    [[nodiscard]] vdisk::DiskFormat format() const;
    [[nodiscard]] vdisk::DiskType type() const;
    [[nodiscard]] quint32 blockSize() const;
    void setFormat(vdisk::DiskFormat format);
    void setType(vdisk::DiskType type);

private:
    void fillBlockSizes();

    QComboBox *m_format = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_block = nullptr;
};

/// Skip zero blocks, keep the source read-only during the copy, verify afterwards.
class OptionsPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OptionsPage)
public:
    OptionsPage(VhdWizard *wizard, SourcePage *source, TargetPage *target);
    void initializePage() override;
    [[nodiscard]] bool sparse() const;
    [[nodiscard]] bool preventWrites() const;
    [[nodiscard]] bool verify() const;
    [[nodiscard]] QCheckBox *verifyBox() const { return m_verify; }
    [[nodiscard]] QCheckBox *skipZeroBox() const { return m_skipZero; }

private:
    SourcePage *m_source;
    TargetPage *m_target;
    QCheckBox *m_skipZero = nullptr;
    QCheckBox *m_preventWrites = nullptr;
    QCheckBox *m_verify = nullptr;
};

} // namespace vds::ui::vhd
