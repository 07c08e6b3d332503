#include <vds/settings/preferences.h>

#include <QDir>
#include <QStandardPaths>

namespace vds::settings {

const SettingValue<QString> &Preferences::defaultBackupDirectory()
{
    static const SettingValue<QString> v(
        QStringLiteral("paths/backupDirectory"),
        QStandardPaths::writableLocation(QStandardPaths::HomeLocation) +
            QStringLiteral("/Backups"));
    return v;
}

const SettingValue<QString> &Preferences::defaultDiskDirectory()
{
    static const SettingValue<QString> v(
        QStringLiteral("paths/diskDirectory"),
        QStandardPaths::writableLocation(QStandardPaths::HomeLocation) +
            QStringLiteral("/VirtualDisks"));
    return v;
}

const SettingValue<QString> &Preferences::logLevel()
{
    static const SettingValue<QString> v(QStringLiteral("log/level"), QStringLiteral("info"));
    return v;
}

const SettingValue<bool> &Preferences::confirmCancel()
{
    static const SettingValue<bool> v(QStringLiteral("jobs/confirmCancel"), true);
    return v;
}

const SettingValue<int> &Preferences::stallSeconds()
{
    static const SettingValue<int> v(QStringLiteral("jobs/stallSeconds"), 30);
    return v;
}

const SettingValue<bool> &Preferences::backupsInParallel()
{
    static const SettingValue<bool> v(QStringLiteral("jobs/backupsInParallel"), false);
    return v;
}

const SettingValue<QString> &Preferences::colorScheme()
{
    static const SettingValue<QString> v(QStringLiteral("ui/colorScheme"),
                                         QStringLiteral("system"));
    return v;
}

const SettingValue<QString> &Preferences::language()
{
    static const SettingValue<QString> v(QStringLiteral("ui/language"), QString());
    return v;
}

QStringList Preferences::uiLanguages()
{
    // One entry per resources/translations/vdstudio_<name>.ts, plus the source language.
    return {QStringLiteral("en"), QStringLiteral("de")};
}

} // namespace vds::settings
