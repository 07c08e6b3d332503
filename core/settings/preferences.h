#pragma once

#include <QString>
#include <QStringList>

#include <vds/settings/settingvalue.h>

namespace vds::settings {

/// Every user preference, with its key and default. The Preferences dialog edits these; jobs
/// never read them (a wizard copies what it needs into the job's Params value).
struct Preferences {
    /// Where backups go unless a job says otherwise.
    static const SettingValue<QString> &defaultBackupDirectory();
    /// Where new virtual disks go unless a wizard says otherwise.
    static const SettingValue<QString> &defaultDiskDirectory();
    /// spdlog level name for the log file and pane ("info", "debug", …).
    static const SettingValue<QString> &logLevel();
    /// Ask before cancelling a running job.
    static const SettingValue<bool> &confirmCancel();
    /// Seconds without progress before a job is reported as stalled.
    static const SettingValue<int> &stallSeconds();
    /// Several databases picked for one backup: run their jobs at once (true) or one after
    /// the other (false, the default: one backup at a time loads the server least).
    static const SettingValue<bool> &backupsInParallel();
    /// Colour scheme: "system", "light" or "dark".
    static const SettingValue<QString> &colorScheme();
    /// User interface language: empty for the system's, else one of uiLanguages(). Read once
    /// at start-up (the GUI installs its translations before it builds a window).
    static const SettingValue<QString> &language();
    /// The languages the GUI is translated into, as locale names ("en" is the source text).
    static QStringList uiLanguages();
};

} // namespace vds::settings
