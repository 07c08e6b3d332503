#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace vds::ui {

/// Edits vds::Preferences. Values are written only on OK. GUI thread only.
class PreferencesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    void accept() override;

private:
    QLineEdit *m_backupDir = nullptr;
    QLineEdit *m_diskDir = nullptr;
    QComboBox *m_logLevel = nullptr;
    QComboBox *m_scheme = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_confirmCancel = nullptr;
    QCheckBox *m_backupsInParallel = nullptr;
    QSpinBox *m_stall = nullptr;
};

} // namespace vds::ui
