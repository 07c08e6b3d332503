#include "ui/jobs/errortext.h"

#include <QCoreApplication>

namespace vds::ui {
namespace {

// lupdate files a free function's tr() under the enclosing namespace, so the lookup context
// is that namespace's name too (another name would never find the translation).
QString tr(const char *text)
{
    return QCoreApplication::translate("vds::ui", text);
}

} // namespace

ErrorText describe(const vds::Error &error)
{
    ErrorText t;
    const QString thing = QString::fromStdString(error.context);
    t.technical = QString::fromStdString(error.toString());
    auto about = [&thing](const char *withThing, const char *withoutThing) {
        return thing.isEmpty() ? tr(withoutThing) : tr(withThing).arg(thing);
    };
    switch (error.category) {
    case ErrorCategory::None: t.headline = tr("No error."); break;
    case ErrorCategory::InvalidArgument:
        t.headline = about("A setting for %1 is not valid.", "A setting is not valid.");
        t.advice = tr("Go back, correct the value and try again.");
        break;
    case ErrorCategory::NotFound:
        t.headline = about("%1 does not exist.", "Something the job needs does not exist.");
        t.advice = tr("Check the name or path; the device may have been removed.");
        break;
    case ErrorCategory::Permission:
        t.headline = about("Access to %1 was denied.", "Access was denied.");
        t.advice = tr("You may need to be in the 'disk' group, or approve access when the "
                      "system asks for it.");
        break;
    case ErrorCategory::Io:
        t.headline = about("Reading or writing %1 failed.", "Reading or writing failed.");
        t.advice = tr("The disk or device may be failing or disconnected.");
        break;
    case ErrorCategory::DiskFull:
        t.headline = about("There is no room left on the disk holding %1.", "The disk is full.");
        t.advice = tr("Free some space or choose another location. Nothing incomplete was kept.");
        break;
    case ErrorCategory::Format:
        t.headline = about("%1 is damaged or not in a format this program reads.",
                           "The data is damaged or in an unknown format.");
        break;
    case ErrorCategory::Protocol:
        t.headline = tr("The other side did not follow the protocol.");
        t.advice = tr("This is usually a bug or a version mismatch; the details help a report.");
        break;
    case ErrorCategory::Timeout:
        t.headline = about("Waiting for %1 took too long.", "An operation timed out.");
        break;
    case ErrorCategory::Aborted:
        t.headline = tr("The operation was aborted by the other side.");
        break;
    case ErrorCategory::Cancelled:
        t.headline = tr("Cancelled.");
        t.advice = tr("Nothing incomplete was kept.");
        break;
    case ErrorCategory::Unsupported: t.headline = tr("This is not supported."); break;
    case ErrorCategory::Sql: t.headline = tr("SQL Server reported an error."); break;
    case ErrorCategory::Internal:
        t.headline = tr("Something went wrong inside Virtual Device Studio.");
        t.advice = tr("Please report it with the details below and the log file.");
        break;
    }
    if (!error.message.empty() && error.category != ErrorCategory::Cancelled)
        t.headline += QLatin1Char(' ') + QString::fromStdString(error.message) +
                      (error.message.back() == '.' ? QString() : QStringLiteral("."));
    return t;
}

} // namespace vds::ui
