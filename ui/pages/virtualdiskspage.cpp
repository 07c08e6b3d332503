#include "ui/pages/virtualdiskspage.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace vds::ui {
namespace {

QPushButton *bigButton(const QString &text, const QIcon &icon, QWidget *parent)
{
    auto *b = new QPushButton(icon, text, parent);
    b->setIconSize(QSize(32, 32));
    b->setMinimumHeight(56);
    b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return b;
}

QLabel *explanation(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return l;
}

} // namespace

VirtualDisksPage::VirtualDisksPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    auto *heading = new QLabel(tr("Virtual disks"), this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    heading->setFont(f);
    layout->addWidget(heading);
    layout->addWidget(explanation(
        tr("Create VHD and VHDX files, or capture a physical disk or an image into one. Jobs "
           "run in the background and appear in the Jobs panel below."),
        this));

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(8);
    m_new = bigButton(tr("&New virtual disk…"),
                      QIcon::fromTheme(QStringLiteral("document-new"),
                                       style()->standardIcon(QStyle::SP_FileDialogNewFolder)),
                      this);
    m_new->setAccessibleName(tr("New virtual disk"));
    m_convert = bigButton(tr("&Convert or capture…"),
                          QIcon::fromTheme(QStringLiteral("drive-harddisk"),
                                           style()->standardIcon(QStyle::SP_DriveHDIcon)),
                          this);
    m_convert->setAccessibleName(tr("Convert or capture a disk"));
    grid->addWidget(m_new, 0, 0);
    grid->addWidget(m_convert, 0, 1);
    grid->addWidget(explanation(tr("An empty VHD or VHDX: fixed, dynamically expanding, or "
                                   "differencing against a parent disk."),
                                this),
                    1, 0);
    grid->addWidget(explanation(tr("From a physical disk, a raw image or another VHD/VHDX. "
                                   "All-zero blocks are skipped; the result can be verified "
                                   "against the source."),
                                this),
                    1, 1);
    layout->addLayout(grid);
    layout->addWidget(explanation(
        tr("The same engine is on the command line: <tt>vdsctl vhd create</tt>, <tt>vdsctl vhd "
           "convert</tt>, <tt>vdsctl vhd info</tt> and <tt>vdsctl disks</tt>. Each wizard shows "
           "the command for the job it is about to run."),
        this));
    layout->addStretch(1);

    connect(m_new, &QPushButton::clicked, this, &VirtualDisksPage::newDiskRequested);
    connect(m_convert, &QPushButton::clicked, this, &VirtualDisksPage::convertRequested);
}

} // namespace vds::ui
