#include "vdistripes.h"

#include <algorithm>
#include <cstring>

#include "transfer.h"

namespace vds::sqlsim {

namespace {

/// One virtual device: writes are queued into the device's buffers (at most one command per
/// buffer in flight), reads use its first buffer.
class VdiStripeDevice final : public StripeDevice {
public:
    VdiStripeDevice(OpenedSet &opened, std::size_t index, TransferState &state)
        : m_opened(opened), m_dev(*opened.devices[index]), m_buffers(opened.buffers[index]),
          m_busy(m_buffers.size(), false), m_state(state)
    {}

    const std::string &name() const override { return m_dev.name(); }

    bool write(std::span<const std::uint8_t> bytes) override
    {
        for (;;) {
            if (m_state.stop.load())
                return false;
            const auto free = std::find(m_busy.begin(), m_busy.end(), false);
            if (free == m_busy.end()) {
                if (!reap())
                    return false;
                continue;
            }
            const auto slot = static_cast<std::size_t>(free - m_busy.begin());
            std::memcpy(m_buffers[slot].data, bytes.data(), bytes.size());
            auto id =
                m_dev.sendCommand({vdi::command::kWrite, static_cast<std::uint32_t>(bytes.size()),
                                   0, m_buffers[slot].data, slot});
            if (!id) {
                const auto hr = vdi::hresultOf(id.error());
                if (hr == vdi::hr::kIoError) {
                    // The client failed an earlier Write: report its completion code, not ours.
                    while (pending())
                        if (!reap())
                            return false;
                }
                m_state.fail(
                    hr == vdi::hr::kAbort
                        ? ServerMessage{3204, 1, 16, "The backup or restore was aborted.", 1}
                        : ServerMessage{
                              3202, 1, 16,
                              "Write on \"" + name() + "\" failed: " + vdi::hresultName(hr), 1});
                return false;
            }
            m_busy[slot] = true;
            return true;
        }
    }

    bool finish() override
    {
        while (pending())
            if (!reap())
                return false;
        auto f = m_dev.execute({vdi::command::kFlush, 0, 0, nullptr, 0}, -1);
        if (!f || f->completionCode != win32::kSuccess) {
            m_state.fail({3202, 1, 16,
                          "Write on \"" + name() + "\" failed: " +
                              (f ? win32Text(f->completionCode) : std::string("flush")),
                          1});
            return false;
        }
        if (m_opened.completeEnabled) {
            auto c = m_dev.execute({vdi::command::kComplete, 0, 0, nullptr, 0}, -1);
            if (!c || c->completionCode != win32::kSuccess) {
                m_state.fail(
                    {3202, 1, 16,
                     "Write on \"" + name() + "\" failed: the client did not complete the backup.",
                     1});
                return false;
            }
        }
        return true;
    }

    std::optional<Chunk> read() override
    {
        const vdi::Buffer &buffer = m_buffers.front();
        auto id = m_dev.sendCommand({vdi::command::kRead, m_opened.maxTransfer, 0, buffer.data, 0});
        if (!id) {
            const auto hr = vdi::hresultOf(id.error());
            m_state.fail(
                hr == vdi::hr::kAbort
                    ? ServerMessage{3204, 1, 16, "The backup or restore was aborted.", 1}
                    : ServerMessage{3203, 1, 16,
                                    "Read on \"" + name() + "\" failed: " + vdi::hresultName(hr),
                                    1});
            return std::nullopt;
        }
        auto c = awaitCompletion(m_dev, m_state, m_opened.serverTimeoutMs, false);
        if (!c) {
            m_state.fail(c.error());
            return std::nullopt;
        }
        const bool eof =
            c->completionCode == win32::kHandleEof || c->completionCode == win32::kNoDataDetected;
        if (c->completionCode != win32::kSuccess && !eof) {
            m_state.fail({3203, 1, 16,
                          "Read on \"" + name() + "\" failed: " + win32Text(c->completionCode), 1});
            return std::nullopt;
        }
        m_state.bytesDone += c->bytesTransferred;
        const auto n = std::min<std::size_t>(c->bytesTransferred, m_opened.maxTransfer);
        return Chunk{std::span(reinterpret_cast<const std::uint8_t *>(buffer.data), n), eof};
    }

    void close() override { (void)m_dev.closeDevice(); }

private:
    bool pending() const { return std::find(m_busy.begin(), m_busy.end(), true) != m_busy.end(); }

    bool reap()
    {
        auto c = awaitCompletion(m_dev, m_state, m_opened.serverTimeoutMs, true);
        if (!c) {
            m_state.fail(c.error());
            return false;
        }
        m_busy[static_cast<std::size_t>(c->context)] = false;
        if (c->completionCode != win32::kSuccess) {
            m_state.fail({3202, 1, 16,
                          "Write on \"" + name() + "\" failed: " + win32Text(c->completionCode),
                          1});
            return false;
        }
        m_state.bytesDone += c->bytesTransferred;
        return true;
    }

    OpenedSet &m_opened;
    vdi::ServerDevice &m_dev;
    std::vector<vdi::Buffer> &m_buffers;
    std::vector<bool> m_busy;
    TransferState &m_state;
};

class VdiStripeSet final : public StripeSet {
public:
    explicit VdiStripeSet(std::unique_ptr<OpenedSet> opened) : m_opened(std::move(opened)) {}
    void signalAbort() override { m_opened->set.signalAbort(); }
    void close() override
    {
        if (!m_closed)
            closeDeviceSet(*m_opened);
        m_closed = true;
    }
    ~VdiStripeSet() override { close(); }
    OpenedSet &opened() { return *m_opened; }

private:
    std::unique_ptr<OpenedSet> m_opened;
    bool m_closed = false;
};

} // namespace

SimResult<std::unique_ptr<StripeSet>> openVirtualDevices(const SimOptions &options,
                                                         const BackupStatement &statement,
                                                         bool backup, TransferState &state,
                                                         const std::function<bool()> &giveUp)
{
    auto opened = openDeviceSet(options, statement, backup, giveUp);
    if (!opened)
        return std::unexpected(opened.error());
    auto set = std::make_unique<VdiStripeSet>(std::move(*opened));
    OpenedSet &o = set->opened();
    set->blockSize = o.blockSize;
    set->maxTransfer = o.maxTransfer;
    for (std::size_t i = 0; i < o.devices.size(); ++i)
        set->devices.push_back(std::make_unique<VdiStripeDevice>(o, i, state));
    return std::unique_ptr<StripeSet>(std::move(set));
}

} // namespace vds::sqlsim
