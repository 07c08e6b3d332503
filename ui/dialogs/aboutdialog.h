#pragma once

#include <QDialog>

namespace vds::ui {

/// Product name, version, the libraries in use and where the log is. GUI thread only.
class AboutDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)
public:
    explicit AboutDialog(const QString &logFilePath, QWidget *parent = nullptr);
};

} // namespace vds::ui
