#include "ui/i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace vds::ui {

namespace {
// Owned here for the life of the process; replaced on the next call.
std::unique_ptr<QTranslator> g_ours;
std::unique_ptr<QTranslator> g_qt;
} // namespace

QString installTranslations(const QString &language)
{
    for (auto *t : {&g_ours, &g_qt}) {
        if (*t)
            QCoreApplication::removeTranslator(t->get());
        t->reset();
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto ours = std::make_unique<QTranslator>();
    // Tries vdstudio_de_DE, vdstudio_de, … for each of the locale's UI languages.
    if (!ours->load(locale, QStringLiteral("vdstudio"), QStringLiteral("_"),
                    QStringLiteral(":/i18n")))
        return QStringLiteral("en");
    QCoreApplication::installTranslator(ours.get());
    const QString used = ours->language();
    g_ours = std::move(ours);
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        g_qt = std::move(qt);
    }
    return used.isEmpty() ? locale.name() : used;
}

} // namespace vds::ui
