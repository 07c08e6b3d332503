#include <vds/connections/passwordvault.h>

#include <QMutex>
#include <QMutexLocker>

#include <map>

#include <qt6keychain/keychain.h>

#include <spdlog/logger.h>

#include <vds/logging/log.h>

namespace vds::connections {

namespace {

/// The session-only copies, for the life of the process (never written anywhere).
struct SessionStore {
    QMutex mutex;
    std::map<std::string, std::string> passwords;
};

SessionStore &session()
{
    static SessionStore store;
    return store;
}

void keepForSession(const std::string &name, const std::string &password)
{
    QMutexLocker lock(&session().mutex);
    session().passwords[name] = password;
}

std::optional<std::string> sessionCopy(const std::string &name)
{
    QMutexLocker lock(&session().mutex);
    auto it = session().passwords.find(name);
    if (it == session().passwords.end())
        return std::nullopt;
    return it->second;
}

void dropSessionCopy(const std::string &name)
{
    QMutexLocker lock(&session().mutex);
    session().passwords.erase(name);
}

QString service()
{
    return QString::fromLatin1(PasswordVault::kService);
}

Error keyringError(const QKeychain::Job *job)
{
    const ErrorCategory category =
        job->error() == QKeychain::AccessDenied || job->error() == QKeychain::AccessDeniedByUser
            ? ErrorCategory::Permission
            : ErrorCategory::Unsupported;
    Error e = Error::make(category, "keyring: " + job->errorString().toStdString(), "keyring");
    e.native.value = job->error();
    return e;
}

} // namespace

PasswordVault::PasswordVault(QObject *parent) : QObject(parent) {}

void PasswordVault::setStorage(PasswordStorage storage)
{
    if (storage == m_storage)
        return;
    m_storage = storage;
    emit storageChanged(storage);
}

void PasswordVault::store(const std::string &connection, const std::string &password,
                          QObject *context, StoreDone done)
{
    if (password.empty()) {
        remove(connection, context, [this, done] {
            if (done)
                done(m_storage, Error{});
        });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(QString::fromStdString(connection));
    job->setTextData(QString::fromStdString(password));
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [this, guard, done, connection, password](QKeychain::Job *j) {
                Error refusal;
                if (j->error() == QKeychain::NoError) {
                    dropSessionCopy(connection);
                    setStorage(PasswordStorage::Keyring);
                } else {
                    refusal = keyringError(j);
                    vds::log::get("connections")
                        ->warn("{}: the password of '{}' is kept for this session only",
                               refusal.message, connection);
                    keepForSession(connection, password);
                    setStorage(PasswordStorage::SessionOnly);
                }
                if (guard && done)
                    done(m_storage, refusal);
            });
    job->start();
}

void PasswordVault::fetch(const std::string &connection, QObject *context, FetchDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(QString::fromStdString(connection));
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [this, guard, done, connection](QKeychain::Job *j) {
                auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
                std::optional<std::string> password;
                if (j->error() == QKeychain::NoError) {
                    password = read->textData().toStdString();
                    setStorage(PasswordStorage::Keyring);
                } else {
                    // Not in the keyring (or no keyring): the session copy, if any, answers.
                    password = sessionCopy(connection);
                    if (j->error() != QKeychain::EntryNotFound)
                        setStorage(PasswordStorage::SessionOnly);
                }
                if (guard && done)
                    done(password, m_storage);
            });
    job->start();
}

void PasswordVault::remove(const std::string &connection, QObject *context, RemoveDone done)
{
    dropSessionCopy(connection);
    auto *job = new QKeychain::DeletePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(QString::fromStdString(connection));
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [guard, done](QKeychain::Job *) {
        if (guard && done)
            done();
    });
    job->start();
}

void PasswordVault::rename(const std::string &from, const std::string &to, QObject *context,
                           StoreDone done)
{
    QPointer<QObject> guard(context);
    fetch(
        from, this,
        [this, from, to, guard, done](const std::optional<std::string> &password, PasswordStorage) {
            if (!password) {
                if (guard && done)
                    done(m_storage, Error{});
                return;
            }
            store(to, *password, this, [this, from, guard, done](PasswordStorage s, Error e) {
                remove(from, this);
                if (guard && done)
                    done(s, e);
            });
        });
}

} // namespace vds::connections
