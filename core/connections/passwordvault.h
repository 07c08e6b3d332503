#pragma once

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>
#include <string>

#include <vds/util/error.h>

namespace vds::connections {

/// Where a connection's password is kept. SessionOnly: no Secret Service answered (or it
/// refused), so the password lives in this process's memory until it exits; the UI says so.
enum class PasswordStorage : std::uint8_t { Keyring, SessionOnly };

/// Connection passwords in the system keyring (QtKeychain: the Secret Service, KWallet), one
/// entry per connection name under the service "vdstudio", with a session-only fallback.
/// Every call is asynchronous (the keyring may prompt or be slow on D-Bus) and answers on the
/// thread the vault lives on, through a callback bound to a context object: a context that
/// is gone gets no call. Lives on a thread with an event loop (the GUI thread, or vdsctl's
/// main thread); the session store is shared by every vault in the process.
class PasswordVault final : public QObject {
    Q_OBJECT
public:
    using StoreDone = std::function<void(PasswordStorage, const Error & /* keyring's refusal */)>;
    using FetchDone =
        std::function<void(const std::optional<std::string> &password, PasswordStorage)>;
    using RemoveDone = std::function<void()>;

    explicit PasswordVault(QObject *parent = nullptr);

    /// The keyring's service name (where `secret-tool` and Seahorse show the entries).
    static constexpr const char *kService = "vdstudio";

    /// Stores the password: in the keyring, or for the session when the keyring fails (the
    /// Error says why). An empty password is removed instead.
    void store(const std::string &connection, const std::string &password, QObject *context,
               StoreDone done);
    /// Reads it: the keyring first, then the session store. nullopt: none is kept anywhere.
    void fetch(const std::string &connection, QObject *context, FetchDone done);
    /// Forgets it everywhere (the keyring entry and the session copy).
    void remove(const std::string &connection, QObject *context, RemoveDone done = {});
    /// Renames an entry (a renamed connection keeps its password).
    void rename(const std::string &from, const std::string &to, QObject *context,
                StoreDone done = {});

    /// What the last keyring operation showed: SessionOnly after a keyring failure, Keyring
    /// after a success. Starts as Keyring (nothing tried yet).
    [[nodiscard]] PasswordStorage storage() const { return m_storage; }

signals:
    void storageChanged(vds::connections::PasswordStorage storage);

private:
    void setStorage(PasswordStorage storage);
    PasswordStorage m_storage = PasswordStorage::Keyring;
};

} // namespace vds::connections
