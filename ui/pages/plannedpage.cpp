#include "ui/pages/plannedpage.h"

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace vds::ui {

PlannedPage::PlannedPage(const QString &title, const QString &summary,
                         const QStringList &capabilities, const QString &meanwhile, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);

    auto *heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    heading->setFont(f);
    heading->setAccessibleName(title);
    layout->addWidget(heading);

    auto *intro = new QLabel(summary, this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *box = new QFrame(this);
    box->setFrameShape(QFrame::StyledPanel);
    auto *boxLayout = new QVBoxLayout(box);
    auto *boxTitle = new QLabel(tr("<b>Coming to this page</b>"), box);
    boxLayout->addWidget(boxTitle);
    QString items = QStringLiteral("<ul style='margin-left:-20px'>");
    for (const QString &c : capabilities)
        items += QStringLiteral("<li style='margin-bottom:4px'>%1</li>").arg(c.toHtmlEscaped());
    items += QStringLiteral("</ul>");
    auto *list = new QLabel(items, box);
    list->setTextFormat(Qt::RichText);
    list->setWordWrap(true);
    boxLayout->addWidget(list);
    layout->addWidget(box);

    if (!meanwhile.isEmpty()) {
        auto *note = new QLabel(meanwhile, this);
        note->setWordWrap(true);
        note->setTextInteractionFlags(Qt::TextSelectableByMouse);
        note->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(note);
    }
    layout->addStretch(1);
}

} // namespace vds::ui
