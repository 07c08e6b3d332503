#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

namespace vds::settings {

/// One typed preference: its key and default live together, in one place (Preferences).
/// Reads and writes go through QSettings; use from one thread at a time (the GUI thread).
template <class T> class SettingValue {
public:
    SettingValue(QString key, T defaultValue)
        : m_key(std::move(key)), m_default(std::move(defaultValue))
    {}

    [[nodiscard]] T get() const
    {
        const QVariant v = QSettings().value(m_key);
        if (!v.isValid() || !v.canConvert<T>())
            return m_default;
        return v.value<T>();
    }
    void set(const T &value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    void reset() const { QSettings().remove(m_key); }

    [[nodiscard]] const QString &key() const { return m_key; }
    [[nodiscard]] const T &defaultValue() const { return m_default; }

private:
    QString m_key;
    T m_default;
};

} // namespace vds::settings
