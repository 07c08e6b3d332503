#include "vdiclientpump.h"

#include <QUuid>

#include <algorithm>
#include <chrono>
#include <cstring>

namespace vds::test {

VdiClientPump::~VdiClientPump()
{
    m_stop = true;
    if (m_controller.joinable())
        m_controller.join();
    if (m_set && !m_closeResult)
        (void)m_set->close();
}

Expected<void> VdiClientPump::create(const std::string &database, const Options &options)
{
    m_options = options;
    auto set = vdi::makeClientSet({});
    if (!set)
        return fail(set.error());
    m_set = std::move(*set);
    const std::string uuid = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    const std::string base = "vdstudio-" + database + "-" + uuid;
    m_names.clear();
    for (int i = 0; i < options.devices; ++i)
        m_names.push_back(i == 0 ? base : base + "-" + std::to_string(i));
    vdi::Config cfg;
    cfg.deviceCount = static_cast<std::uint32_t>(options.devices);
    cfg.features = options.features;
    cfg.serverTimeOut = options.serverTimeOut;
    m_results.assign(static_cast<std::size_t>(options.devices), {});
    return m_set->create(options.instance, base, cfg);
}

void VdiClientPump::start()
{
    m_controller = std::thread(&VdiClientPump::control, this);
}

Expected<void> VdiClientPump::join()
{
    if (m_controller.joinable())
        m_controller.join();
    if (!m_closeResult)
        m_closeResult = m_set ? m_set->close() : Expected<void>{};
    return *m_closeResult;
}

void VdiClientPump::control()
{
    // GetConfiguration in short waits, like the Microsoft samples: the statement thread may
    // fail before the server ever opens the set.
    for (;;) {
        auto cfg = m_set->getConfiguration(200);
        if (cfg) {
            m_config = *cfg;
            m_configured = true;
            break;
        }
        const auto hr = vdi::hresultOf(cfg.error());
        if (hr != vdi::hr::kTimeout || m_stop.load()) {
            m_configError = hr;
            m_closeResult = m_set->close();
            return;
        }
    }
    std::vector<std::thread> pumps;
    for (int i = 0; i < m_options.devices; ++i) {
        auto dev = m_set->openDevice(m_names[static_cast<std::size_t>(i)]);
        if (!dev) {
            m_results[static_cast<std::size_t>(i)].endCode = vdi::hresultOf(dev.error());
            continue;
        }
        pumps.emplace_back(&VdiClientPump::pump, this, i, *dev);
    }
    for (auto &t : pumps)
        t.join();
    m_closeResult = m_set->close();
}

void VdiClientPump::pump(int index, vdi::ClientDevice *device)
{
    DeviceResult &r = m_results[static_cast<std::size_t>(index)];
    std::size_t readPos = 0;
    const std::vector<std::byte> *input = static_cast<std::size_t>(index) < m_options.input.size()
                                              ? &m_options.input[static_cast<std::size_t>(index)]
                                              : nullptr;
    for (;;) {
        if (m_options.stallAfterBytes >= 0 && m_moved.load() >= m_options.stallAfterBytes) {
            while (!m_stop.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            r.endCode = vdi::hr::kTimeout;
            return;
        }
        auto cmd = device->getCommand(500);
        if (!cmd) {
            const auto hr = vdi::hresultOf(cmd.error());
            if (hr == vdi::hr::kTimeout && !m_stop.load())
                continue;
            r.endCode = hr;
            return;
        }
        vdi::Command *c = *cmd;
        std::uint32_t code = win32::kSuccess;
        std::uint64_t bytes = 0;
        switch (c->commandCode) {
        case vdi::command::kWrite:
            ++r.writes;
            r.largestTransfer = std::max(r.largestTransfer, c->size);
            if (m_config.blockSize && c->size % m_config.blockSize)
                r.allMultiplesOfBlock = false;
            if (m_options.failWriteAfterBytes && m_moved.load() >= m_options.failWriteAfterBytes) {
                code = win32::kDiskFull;
                break;
            }
            r.data.insert(r.data.end(), c->buffer, c->buffer + c->size);
            bytes = c->size;
            break;
        case vdi::command::kRead: {
            ++r.reads;
            const std::size_t left = input ? input->size() - readPos : 0;
            const std::size_t n = std::min<std::size_t>(left, c->size);
            if (n)
                std::memcpy(c->buffer, input->data() + readPos, n);
            readPos += n;
            bytes = n;
            if (n == 0)
                code = win32::kHandleEof;
            break;
        }
        case vdi::command::kFlush: ++r.flushes; break;
        case vdi::command::kComplete: ++r.completes; break;
        case vdi::command::kClearError: break;
        default: code = win32::kNotSupported; break;
        }
        m_moved += static_cast<std::int64_t>(bytes);
        (void)device->completeCommand(c, code, bytes, 0);
        if (m_options.abortAfterBytes >= 0 && m_moved.load() >= m_options.abortAfterBytes &&
            !m_abortSent.exchange(true))
            (void)m_set->signalAbort();
    }
}

} // namespace vds::test
