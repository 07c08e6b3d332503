#pragma once

#include <QWizardPage>

#include <vds/vdisk/imageinfo.h>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QToolButton;

namespace vds::ui::vhd {

class VhdWizard;

/// VHD or VHDX, each with one line on when to choose it.
class FormatPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormatPage)
public:
    explicit FormatPage(QWidget *parent = nullptr);
    [[nodiscard]] vdisk::DiskFormat format() const;
    void setFormat(vdisk::DiskFormat format);

private:
    QRadioButton *m_vhdx = nullptr;
    QRadioButton *m_vhd = nullptr;
};

/// Fixed, dynamic or differencing. Differencing branches to the parent picker.
class TypePage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TypePage)
public:
    TypePage(int parentPageId, int sizePageId, QWidget *parent = nullptr);
    [[nodiscard]] vdisk::DiskType type() const;
    void setType(vdisk::DiskType type);
    [[nodiscard]] int nextId() const override;

private:
    int m_parentPage;
    int m_sizePage;
    QRadioButton *m_fixed = nullptr;
    QRadioButton *m_dynamic = nullptr;
    QRadioButton *m_diff = nullptr;
};

/// The parent of a differencing disk: an existing VHD or VHDX of the chosen format, probed
/// (off the GUI thread) as it is typed so a wrong file is refused before the job starts.
class ParentPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParentPage)
public:
    ParentPage(VhdWizard *wizard, int nextPageId);
    [[nodiscard]] QString parentPath() const;
    void setParentPath(const QString &path);
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] int nextId() const override { return m_next; }
    void initializePage() override;
    [[nodiscard]] QString problem() const { return m_problem; }

signals:
    /// The parent's headers were read and the answer shown.
    void probed();

private:
    void probe();

    VhdWizard *m_wizard;
    int m_next;
    QLineEdit *m_path = nullptr;
    QLabel *m_info = nullptr;
    QString m_problem;
    quint64 m_probeGeneration = 0; ///< answers of older probes are dropped
};

/// Size with units and, under "Advanced", block and sector sizes with Microsoft's defaults.
/// Every change is checked live by the engine's own rules; the reason is shown under the field.
class SizePage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SizePage)
public:
    explicit SizePage(VhdWizard *wizard);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

    /// Bytes, or 0 when the text is not a whole number of bytes.
    [[nodiscard]] quint64 sizeBytes() const;
    [[nodiscard]] quint32 blockSize() const;          ///< 0 = default
    [[nodiscard]] quint32 logicalSectorSize() const;  ///< 0 = default (512)
    [[nodiscard]] quint32 physicalSectorSize() const; ///< 0 = default
    [[nodiscard]] QString problem() const;

    void setSize(const QString &number, int unitIndex);
    [[nodiscard]] QLineEdit *sizeEdit() const { return m_size; }
    [[nodiscard]] QComboBox *unitCombo() const { return m_unit; }
    [[nodiscard]] QComboBox *blockCombo() const { return m_block; }
    [[nodiscard]] QComboBox *logicalCombo() const { return m_logical; }

private:
    void fillAdvanced();
    void recheck();

    VhdWizard *m_wizard;
    QLineEdit *m_size = nullptr;
    QComboBox *m_unit = nullptr;
    QToolButton *m_advancedToggle = nullptr;
    QWidget *m_advanced = nullptr;
    QComboBox *m_block = nullptr;
    QComboBox *m_logical = nullptr;
    QComboBox *m_physical = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace vds::ui::vhd
