#include "ui/profiles/profileeditdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "ui/profiles/profiletext.h"
#include <vds/profiles/jobtable.h>
#include <vds/profiles/profilecodec.h>
#include <vds/profiles/profilestore.h>

namespace vds::ui {

namespace {

using profiles::ValueType;

/// Secrets and lists are edited as one line: "env:VAR" / "file:PATH" / "keyring:NAME", and
/// values separated by ", ".
QString secretText(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    return o.isEmpty() ? QString()
                       : o.begin().key() + QLatin1Char(':') + o.begin().value().toString();
}

} // namespace

ProfileEditDialog::ProfileEditDialog(profiles::ProfileStore &store, profiles::Profile profile,
                                     QWidget *parent)
    : QDialog(parent), m_store(store), m_original(std::move(profile))
{
    setWindowTitle(tr("Edit profile — %1").arg(profileKindText(m_original.kind)));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(m_original.name, this);
    m_name->setObjectName(QStringLiteral("name"));
    form->addRow(tr("&Name:"), m_name);
    connect(m_name, &QLineEdit::textChanged, this, &ProfileEditDialog::recheck);
    const profiles::JobTable &t = profiles::jobTable(m_original.kind);
    for (const profiles::Field &f : t.fields) {
        const QJsonValue v = m_original.params.value(f.key);
        QWidget *w = nullptr;
        if (f.type == ValueType::Flag) {
            auto *box = new QCheckBox(this);
            box->setChecked(v.toBool());
            connect(box, &QCheckBox::toggled, this, &ProfileEditDialog::recheck);
            w = box;
        } else {
            auto *edit = new QLineEdit(this);
            if (f.type == ValueType::Secret) {
                edit->setText(secretText(v));
                edit->setPlaceholderText(f.key == QLatin1String("password")
                                             ? tr("env:VAR, file:PATH or keyring:CONNECTION")
                                             : tr("env:VAR"));
            } else if (f.type == ValueType::List) {
                QStringList items;
                for (const QJsonValue &i : v.toArray())
                    items << i.toString();
                edit->setText(items.join(QStringLiteral(", ")));
                edit->setPlaceholderText(tr("several values separated by \", \""));
            } else {
                edit->setText(v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toString());
                edit->setPlaceholderText(f.valueName);
            }
            connect(edit, &QLineEdit::textChanged, this, &ProfileEditDialog::recheck);
            w = edit;
        }
        w->setObjectName(f.key);
        w->setToolTip(f.help);
        w->setAccessibleName(f.key);
        m_editors.insert(f.key, w);
        form->addRow(f.key + QLatin1Char(':'), w);
    }
    auto *inner = new QWidget(this);
    inner->setLayout(form);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(inner);
    layout->addWidget(scroll, 1);
    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b02020;"));
    layout->addWidget(m_problems);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(620, 560);
    recheck();
}

profiles::Profile ProfileEditDialog::profile() const
{
    profiles::Profile p = m_original;
    p.name = m_name->text().trimmed();
    p.params = {};
    const profiles::JobTable &t = profiles::jobTable(p.kind);
    for (const profiles::Field &f : t.fields) {
        QWidget *w = m_editors.value(f.key);
        if (auto *box = qobject_cast<QCheckBox *>(w)) {
            if (box->isChecked())
                p.params.insert(f.key, true);
            continue;
        }
        const QString text = static_cast<QLineEdit *>(w)->text().trimmed();
        if (text.isEmpty())
            continue;
        switch (f.type) {
        case ValueType::Integer: {
            bool ok = false;
            const qint64 n = text.toLongLong(&ok);
            p.params.insert(f.key, ok ? QJsonValue(double(n)) : QJsonValue(text));
            break;
        }
        case ValueType::List:
            p.params.insert(f.key, QJsonArray::fromStringList(text.split(QStringLiteral(", "))));
            break;
        case ValueType::Secret: {
            // "env:VAR" → {"env": "VAR"}; anything else is kept as typed and refused (an
            // inline secret) by the check.
            const qsizetype colon = text.indexOf(QLatin1Char(':'));
            if (colon > 0)
                p.params.insert(f.key, QJsonObject{{text.left(colon), text.mid(colon + 1)}});
            else
                p.params.insert(f.key, text);
            break;
        }
        default: p.params.insert(f.key, text); break;
        }
    }
    return p;
}

QString ProfileEditDialog::problems() const
{
    const profiles::Profile p = profile();
    QList<profiles::Issue> issues;
    if (const QString why = nameRefusalText(p.name); !why.isEmpty())
        issues.append({QStringLiteral("name"), why});
    else if (p.name != m_original.name && m_store.contains(p.name))
        issues.append({QStringLiteral("name"), tr("a profile with this name exists")});
    if (auto a = profiles::argumentsFor(p.kind, p.params, profiles::kindName(p.kind)); !a)
        issues += a.error();
    return profileIssuesText(issues);
}

void ProfileEditDialog::recheck()
{
    m_problems->setText(problems());
}

bool ProfileEditDialog::save()
{
    recheck();
    if (!m_problems->text().isEmpty())
        return false;
    const profiles::Profile p = profile();
    if (auto r = m_store.save(p); !r) {
        m_problems->setText(QString::fromStdString(r.error().message));
        return false;
    }
    if (p.name != m_original.name)
        (void)m_store.remove(m_original.name);
    return true;
}

} // namespace vds::ui
