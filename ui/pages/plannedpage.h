#pragma once

#include <QStringList>
#include <QWidget>

namespace vds::ui {

/// A page whose feature is still being built: says plainly what it will do, lists the
/// capabilities in the order they arrive, and offers what already works elsewhere.
/// GUI thread only; owned by its parent (the main window's stack).
class PlannedPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlannedPage)
public:
    PlannedPage(const QString &title, const QString &summary, const QStringList &capabilities,
                const QString &meanwhile, QWidget *parent = nullptr);
};

} // namespace vds::ui
