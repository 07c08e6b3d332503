#include "tdschannel.h"

#include "tlsstream.h"

#include <algorithm>
#include <cerrno>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vds::sqlsim {

namespace {
constexpr std::size_t kHeader = 8;
} // namespace

TdsChannel::TdsChannel(int fd, const std::atomic_bool &stop) : m_fd(fd), m_stop(stop) {}

TdsChannel::~TdsChannel()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void TdsChannel::setPacketSize(std::uint32_t size)
{
    m_packetSize = std::clamp<std::uint32_t>(size, 512, 32767);
}

bool TdsChannel::fill(bool wait)
{
    if (m_closed)
        return false;
    if (wait) {
        pollfd p{m_fd, POLLIN, 0};
        const int r = ::poll(&p, 1, 200);
        if (r == 0)
            return true;
        if (r < 0)
            return errno == EINTR;
    }
    std::uint8_t buf[16384];
    const ssize_t n = ::recv(m_fd, buf, sizeof buf, wait ? 0 : MSG_DONTWAIT);
    if (n > 0) {
        if (!m_tlsActive) {
            m_in.insert(m_in.end(), buf, buf + n);
            return true;
        }
        if (m_tls->decrypt(std::span(buf, static_cast<std::size_t>(n)), m_in))
            return true;
        m_closed = true; // a broken TLS record: nothing after it can be trusted
        return false;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return true;
    m_closed = true;
    return false;
}

bool TdsChannel::takePacket(std::uint8_t &type, std::uint8_t &status,
                            std::vector<std::uint8_t> &data)
{
    if (m_in.size() < kHeader)
        return false;
    const std::size_t len = (static_cast<std::size_t>(m_in[2]) << 8) | m_in[3];
    if (len < kHeader) {
        // A length smaller than the header cannot be framed: treat the peer as broken.
        m_closed = true;
        m_in.clear();
        return false;
    }
    if (m_in.size() < len)
        return false;
    type = m_in[0];
    status = m_in[1];
    data.insert(data.end(), m_in.begin() + kHeader,
                m_in.begin() + static_cast<std::ptrdiff_t>(len));
    m_in.erase(m_in.begin(), m_in.begin() + static_cast<std::ptrdiff_t>(len));
    return true;
}

TdsChannel::ReadResult TdsChannel::read(Message &message)
{
    message = {};
    if (m_attention) {
        // An attention seen after the statement ended is still answered by the session.
        m_attention = false;
        message.type = packet::kAttention;
        return ReadResult::Ok;
    }
    bool started = false;
    for (;;) {
        std::uint8_t type = 0;
        std::uint8_t status = 0;
        while (takePacket(type, status, message.payload)) {
            if (!started) {
                message.type = type;
                started = true;
            } else if (type != message.type) {
                return ReadResult::Malformed;
            }
            if (message.payload.size() > m_messageLimit) {
                message = {};
                m_in.clear();
                m_in.shrink_to_fit();
                return ReadResult::TooLarge;
            }
            if (status & 0x01) {
                // A burst may have grown the input buffer: give the memory back when idle.
                if (m_in.empty() && m_in.capacity() > 65536)
                    m_in.shrink_to_fit();
                return ReadResult::Ok;
            }
        }
        if (m_closed)
            return ReadResult::Closed;
        if (m_stop.load())
            return ReadResult::Stopped;
        if (std::chrono::steady_clock::now() >= m_deadline)
            return ReadResult::TimedOut;
        if (!fill(true))
            return ReadResult::Closed;
    }
}

bool TdsChannel::attentionPending()
{
    if (m_attention)
        return true;
    fill(false);
    // Only a complete ATTENTION packet at the head of the input counts; anything else stays
    // queued for the next read() (a well-behaved client sends nothing else mid-reply).
    if (m_in.size() >= kHeader && m_in[0] == packet::kAttention) {
        std::uint8_t type = 0;
        std::uint8_t status = 0;
        std::vector<std::uint8_t> ignored;
        if (takePacket(type, status, ignored))
            m_attention = true;
    }
    return m_attention;
}

void TdsChannel::drop()
{
    ::shutdown(m_fd, SHUT_RDWR);
    m_closed = true;
}

std::vector<std::uint8_t>
TdsChannel::frame(std::uint8_t type, std::span<const std::uint8_t> payload, bool endOfMessage)
{
    const std::size_t chunk = m_packetSize - kHeader;
    std::vector<std::uint8_t> out;
    out.reserve(payload.size() + (payload.size() / chunk + 1) * kHeader);
    std::size_t off = 0;
    do {
        const std::size_t n = std::min(chunk, payload.size() - off);
        const bool last = off + n == payload.size();
        const std::size_t len = n + kHeader;
        out.push_back(type);
        out.push_back(last && endOfMessage ? 0x01 : 0x00);
        out.push_back(static_cast<std::uint8_t>(len >> 8));
        out.push_back(static_cast<std::uint8_t>(len));
        out.push_back(static_cast<std::uint8_t>(m_spid >> 8));
        out.push_back(static_cast<std::uint8_t>(m_spid));
        out.push_back(m_packetId++);
        out.push_back(0);
        out.insert(out.end(), payload.begin() + static_cast<std::ptrdiff_t>(off),
                   payload.begin() + static_cast<std::ptrdiff_t>(off + n));
        off += n;
    } while (off < payload.size());
    return out;
}

bool TdsChannel::writeAll(const std::vector<std::uint8_t> &bytes)
{
    std::vector<std::uint8_t> cipher;
    const std::vector<std::uint8_t> *out = &bytes;
    if (m_tlsActive) {
        if (!m_tls->encrypt(bytes, cipher)) {
            m_closed = true;
            return false;
        }
        out = &cipher;
    }
    std::size_t sent = 0;
    while (sent < out->size()) {
        const ssize_t n = ::send(m_fd, out->data() + sent, out->size() - sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_closed = true;
            return false;
        }
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

bool TdsChannel::send(std::span<const std::uint8_t> payload, bool endOfMessage)
{
    if (m_closed)
        return false;
    return writeAll(frame(packet::kReply, payload, endOfMessage));
}

bool TdsChannel::startTls(const TlsContext &context)
{
    m_tls = std::make_unique<TlsStream>(context);
    // Handshake records travel as PRELOGIN packets, one packet's payload at a time (a client
    // need not set EOM on them), and the answers go back the same way.
    while (!m_tls->established()) {
        std::uint8_t type = 0;
        std::uint8_t status = 0;
        std::vector<std::uint8_t> in;
        while (!takePacket(type, status, in)) {
            if (m_closed || m_stop.load() || std::chrono::steady_clock::now() >= m_deadline)
                return false;
            if (!fill(true))
                return false;
        }
        std::vector<std::uint8_t> out;
        if (type != packet::kPrelogin || !m_tls->handshake(in, out)) {
            drop();
            return false;
        }
        if (!out.empty() && !writeAll(frame(packet::kPrelogin, out, true)))
            return false;
    }
    m_tlsActive = true;
    // Whatever arrived after the last handshake packet is already TLS on the bare socket.
    std::vector<std::uint8_t> early;
    early.swap(m_in);
    if (!early.empty() && !m_tls->decrypt(early, m_in)) {
        drop();
        return false;
    }
    return true;
}

} // namespace vds::sqlsim
