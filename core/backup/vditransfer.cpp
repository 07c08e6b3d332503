#include <vds/backup/vditransfer.h>

#include <spdlog/logger.h>

#include <cstdlib>
#include <thread>

#include <vds/jobs/jobcontext.h>
#include <vds/logging/log.h>
#include <vds/util/win32.h>

namespace vds::backup {

namespace {

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// The Win32 completion code that tells the server why a device failed.
std::uint32_t completionFor(const Error &e, bool writing)
{
    switch (e.category) {
    case ErrorCategory::DiskFull: return win32::kDiskFull;
    case ErrorCategory::Format: return win32::kFileCorrupt;
    case ErrorCategory::Cancelled:
    case ErrorCategory::Aborted: return win32::kOperationAborted;
    default: return writing ? win32::kWriteFault : win32::kReadFault;
    }
}

jobs::ServerMessage serverMessage(const sql::SqlDiagnostic &d)
{
    return {d.number, d.severity.value_or(-1), QString::fromStdString(d.text),
            QDateTime::currentDateTimeUtc(), 0};
}

} // namespace

Expected<void> DeviceEndpoint::write(std::span<const std::byte>)
{
    return fail(ErrorCategory::Protocol, "the server wrote to a device opened for reading");
}

Expected<std::size_t> DeviceEndpoint::read(std::span<std::byte>)
{
    return fail(ErrorCategory::Protocol, "the server read from a device opened for writing");
}

bool VdiTransfer::Outcome::succeeded() const
{
    return !cancelled && !deviceError && statement && statement->has_value() &&
           ((*statement)->completed || (*statement)->verified);
}

Error VdiTransfer::Outcome::error() const
{
    if (cancelled)
        return Error::make(ErrorCategory::Cancelled, "cancelled by the user");
    if (deviceError)
        return *deviceError;
    if (statement && !statement->has_value())
        return statement->error();
    if (!configured)
        return Error::make(ErrorCategory::Protocol, "the server never opened the device set");
    return Error::make(ErrorCategory::Sql,
                       "the statement ended without SQL Server's success message (3014)");
}

VdiTransfer::VdiTransfer(Options options) : m_options(std::move(options)) {}

void VdiTransfer::recordDeviceError(int index, Error error)
{
    std::lock_guard lock(m_mutex);
    if (!m_deviceError) {
        m_deviceError = std::move(error);
        m_deviceErrorIndex = index;
    }
}

VdiTransfer::Outcome VdiTransfer::run(sql::SqlConnection &connection,
                                      const std::vector<DeviceEndpoint *> &endpoints,
                                      jobs::JobContext &ctx)
{
    auto log = vds::log::get("backup");
    Outcome out;
    const int n = static_cast<int>(m_options.devices.size());
    auto set = vdi::makeClientSet(m_options.client);
    if (!set) {
        out.deviceError = set.error();
        return out;
    }
    m_set = std::move(*set);
    vdi::Config cfg;
    cfg.deviceCount = static_cast<std::uint32_t>(n);
    if (auto created = m_set->create(m_options.instance, m_options.setName, cfg); !created) {
        out.deviceError = created.error();
        return out;
    }
    log->info("VDI set '{}' created with {} device(s)", m_options.setName, n);

    sql::SqlStatementRunner statement(connection);
    // Runs on the statement's thread as each message arrives: the view shows it at the next
    // sample, not when the statement ends.
    auto onMessage = [this, &ctx](const sql::SqlProgressEvent &e) {
        if (e.kind == sql::SqlProgressEvent::Kind::Percent) {
            m_serverPercent.store(e.percent);
            ctx.setServerPercent(e.percent);
        }
        ctx.addServerMessage(serverMessage(e.diagnostic));
        std::lock_guard lock(m_mutex);
        m_messages.push_back(e);
    };
    ctx.setServerPercent(-1);
    ctx.setStalledChannels(0);
    if (auto started = statement.start(m_options.sql, onMessage); !started) {
        (void)m_set->close();
        out.deviceError = started.error();
        return out;
    }

    // GetConfiguration in short slices: the statement may fail (permissions, a bad option, an
    // unknown database) before the server ever opens the set, and the user may cancel.
    const std::int64_t configDeadline = nowMs() + m_options.configTimeoutMs;
    for (;;) {
        auto c = m_set->getConfiguration(200);
        if (c) {
            out.config = *c;
            out.configured = true;
            break;
        }
        const auto hr = vdi::hresultOf(c.error());
        const bool timeout = hr == vdi::hr::kTimeout;
        if (ctx.isCancelled()) {
            out.cancelled = true;
            (void)m_set->signalAbort();
            statement.cancel();
            break;
        }
        if (timeout && statement.isRunning() && nowMs() < configDeadline)
            continue;
        if (!timeout || statement.isRunning()) {
            // A real VDI failure, or the server took too long: stop the statement too.
            if (!timeout || nowMs() >= configDeadline)
                out.deviceError = timeout ? Error::make(ErrorCategory::Timeout,
                                                        "the server did not open the device set",
                                                        m_options.setName)
                                          : c.error();
            (void)m_set->signalAbort();
            statement.cancel();
        }
        break;
    }

    std::vector<std::thread> pumps;
    if (out.configured) {
        m_lastMoved = std::vector<std::atomic<std::int64_t>>(static_cast<std::size_t>(n));
        m_pumpEnded = std::vector<std::atomic_bool>(static_cast<std::size_t>(n));
        for (auto &t : m_lastMoved)
            t.store(nowMs());
        for (int i = 0; i < n; ++i) {
            auto dev = m_set->openDevice(m_options.devices[static_cast<std::size_t>(i)]);
            if (!dev) {
                recordDeviceError(i, dev.error());
                (void)m_set->signalAbort();
                statement.cancel();
                break;
            }
            m_pumpsRunning.fetch_add(1);
            pumps.emplace_back(&VdiTransfer::pump, this, i, *dev,
                               endpoints[static_cast<std::size_t>(i)], std::ref(ctx));
        }
        // The job's thread watches: cancel, the server's percent, stripes that stop moving.
        std::vector<bool> stalled(static_cast<std::size_t>(n), false);
        const std::int64_t stallMs = std::int64_t{m_options.stripeStallSeconds} * 1000;
        std::int64_t endedAt = -1;
        while (m_pumpsRunning.load() > 0) {
            if (!statement.isRunning()) {
                // The server closes its devices when the statement ends; a server that died
                // or failed without closing them must not leave the pumps waiting.
                if (endedAt < 0)
                    endedAt = nowMs();
                else if (nowMs() - endedAt > 5000 && !m_aborted.exchange(true))
                    (void)m_set->signalAbort();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (ctx.isCancelled() && !out.cancelled) {
                out.cancelled = true;
                log->info("cancel: SignalAbort on '{}' and SQLCancel", m_options.setName);
                (void)m_set->signalAbort();
                statement.cancel();
            }
            // A stripe whose pump still runs but has not moved for stallMs is stalled: a bit in
            // the context (what the samples carry) and, once per stall, a report line.
            const std::int64_t now = nowMs();
            std::uint64_t stalledNow = 0;
            for (int i = 0; i < n && stallMs > 0; ++i) {
                const auto at = static_cast<std::size_t>(i);
                const bool still =
                    !m_pumpEnded[at].load() && now - m_lastMoved[at].load() >= stallMs;
                if (still && !stalled[at])
                    out.stalls.push_back("stripe " + std::to_string(i + 1) + " has not moved for " +
                                         std::to_string(m_options.stripeStallSeconds) + " s");
                if (still && i < 64)
                    stalledNow |= std::uint64_t{1} << i;
                stalled[at] = still;
            }
            ctx.setStalledChannels(stalledNow);
        }
        ctx.setStalledChannels(0);
        for (auto &t : pumps)
            t.join();
    }
    // The statement ends after the devices close (success) or after the abort reached it.
    out.statement = statement.wait();
    // The errors (3201, 3013 …) come with the statement's end; the informational messages
    // reached the context as they arrived.
    for (const auto &d : statement.diagnostics())
        if (!d.isInformational())
            ctx.addServerMessage(serverMessage(d));
    (void)m_set->close();
    out.serverPercent = m_serverPercent.load();
    {
        std::lock_guard lock(m_mutex);
        out.messages = m_messages;
        if (m_deviceError && !out.deviceError) {
            out.deviceError = m_deviceError;
            out.deviceErrorIndex = m_deviceErrorIndex;
        }
    }
    if (ctx.isCancelled())
        out.cancelled = true;
    // A cancel that reached us after the server had finished (3014) changed nothing there: the
    // backup or restore is complete and recorded, so it is reported as done, not cancelled.
    if (out.cancelled && !out.deviceError && out.statement && out.statement->has_value() &&
        ((*out.statement)->completed || (*out.statement)->verified)) {
        out.cancelled = false;
        out.cancelTooLate = true;
    }
    return out;
}

void VdiTransfer::pump(int index, vdi::ClientDevice *device, DeviceEndpoint *endpoint,
                       jobs::JobContext &ctx)
{
    struct Done {
        std::atomic<int> &running;
        std::atomic_bool &ended;
        ~Done()
        {
            ended.store(true);
            running.fetch_sub(1);
        }
    } pumpDone{m_pumpsRunning, m_pumpEnded[static_cast<std::size_t>(index)]};
    for (;;) {
        auto cmd = device->getCommand(250);
        if (!cmd) {
            const auto hr = vdi::hresultOf(cmd.error());
            if (hr == vdi::hr::kTimeout)
                continue;
            if (hr == vdi::hr::kAbort)
                m_aborted.store(true);
            else if (hr != vdi::hr::kClose)
                recordDeviceError(index, cmd.error());
            return; // VD_E_CLOSE: the server is done with this device
        }
        vdi::Command *c = *cmd;
        std::uint32_t code = win32::kSuccess;
        std::uint64_t bytes = 0;
        bool abortAfter = false;
        switch (c->commandCode) {
        case vdi::command::kWrite: {
            auto w = endpoint->write({c->buffer, c->size});
            if (w) {
                bytes = c->size;
            } else {
                code = completionFor(w.error(), true);
                recordDeviceError(index, w.error());
            }
            break;
        }
        case vdi::command::kRead: {
            auto r = endpoint->read({c->buffer, c->size});
            if (!r) {
                code = completionFor(r.error(), false);
                recordDeviceError(index, r.error());
                // A stream that fails its checks must not reach recovery: abort the set so the
                // RESTORE stops and leaves the database RESTORING.
                abortAfter = true;
            } else if (*r == 0) {
                code = win32::kHandleEof;
            } else {
                bytes = *r;
            }
            break;
        }
        case vdi::command::kFlush:
        case vdi::command::kComplete:
        case vdi::command::kClearError: break;
        default: code = win32::kNotSupported; break;
        }
        if (bytes) {
            ctx.addDone(bytes);
            ctx.addChannel(index, bytes);
            m_lastMoved[static_cast<std::size_t>(index)].store(nowMs());
        }
        if (auto completed = device->completeCommand(c, code, bytes, 0); !completed) {
            if (vdi::hresultOf(completed.error()) == vdi::hr::kAbort)
                m_aborted.store(true);
            return;
        }
        if (abortAfter) {
            (void)m_set->signalAbort();
            m_aborted.store(true);
            return;
        }
    }
}

vdi::ClientOptions clientOptionsFor(const std::string &serverVersion)
{
    vdi::ClientOptions o;
    const char *forced = std::getenv("VDS_VDI_PROVIDER");
    if (forced && std::string_view(forced) == "sqlvdi")
        o.provider = vdi::Provider::SqlVdi;
    else if (forced && std::string_view(forced) == "native")
        o.provider = vdi::Provider::Native;
    else
        o.provider = serverVersion.find("vds-sqlsim") != std::string::npos ? vdi::Provider::Native
                                                                           : vdi::Provider::SqlVdi;
    if (const char *path = std::getenv("VDS_SQLVDI_PATH"))
        o.libraryPath = path;
    if (const char *group = std::getenv("VDS_VDI_GROUP"))
        o.serverGroup = group;
    return o;
}

} // namespace vds::backup
