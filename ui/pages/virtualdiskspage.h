#pragma once

#include <QWidget>

class QPushButton;

namespace vds::ui {

/// The Virtual disks page: starts the New virtual disk and Convert / capture wizards, and
/// says what each does. GUI thread only; owned by its parent.
class VirtualDisksPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VirtualDisksPage)
public:
    explicit VirtualDisksPage(QWidget *parent = nullptr);
    [[nodiscard]] QPushButton *newButton() const { return m_new; }
    [[nodiscard]] QPushButton *convertButton() const { return m_convert; }

signals:
    void newDiskRequested();
    void convertRequested();

private:
    QPushButton *m_new = nullptr;
    QPushButton *m_convert = nullptr;
};

} // namespace vds::ui
