#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace vds::sqlsim {

class TlsContext;
class TlsStream;

/// TDS packet types (MS-TDS 2.2.3.1.1).
namespace packet {
inline constexpr std::uint8_t kSqlBatch = 0x01;
inline constexpr std::uint8_t kRpc = 0x03;
inline constexpr std::uint8_t kReply = 0x04;
inline constexpr std::uint8_t kAttention = 0x06;
inline constexpr std::uint8_t kTransactionManager = 0x0E;
inline constexpr std::uint8_t kLogin7 = 0x10;
inline constexpr std::uint8_t kPrelogin = 0x12;
} // namespace packet

/// One client socket with TDS framing: reassembles a request from its packets, splits a reply
/// into packets of the negotiated size, and notices an ATTENTION packet that arrives while a
/// reply is still streaming. Owns the socket; used only by its connection's thread.
class TdsChannel final {
public:
    struct Message {
        std::uint8_t type = 0;
        std::vector<std::uint8_t> payload;
    };
    enum class ReadResult { Ok, Closed, Stopped, Malformed, TooLarge, TimedOut };

    /// Largest request before login: SQL Server's 32 KiB (a PRELOGIN or LOGIN7 is far smaller).
    static constexpr std::size_t kMaxPreLoginMessage = 32u * 1024u;
    /// Largest request after login.
    static constexpr std::size_t kMaxMessage = 64u * 1024u * 1024u;

    TdsChannel(int fd, const std::atomic_bool &stop);
    ~TdsChannel();
    TdsChannel(const TdsChannel &) = delete;
    TdsChannel &operator=(const TdsChannel &) = delete;

    /// Blocks until a whole request has arrived, the peer closed, or the server is stopping.
    ReadResult read(Message &message);
    /// Sends one message as reply packets; `endOfMessage` false leaves the EOM bit clear so a
    /// progress chunk goes out on its own while the statement continues.
    bool send(std::span<const std::uint8_t> payload, bool endOfMessage = true);
    /// Non-blocking: true once the client has sent ATTENTION (consumed here, reported once).
    bool attentionPending();
    /// True once the peer has gone away (seen by read or attentionPending).
    [[nodiscard]] bool peerClosed() const { return m_closed; }
    /// The ATTENTION has been answered with DONE(ATTN): forget it.
    void clearAttention() { m_attention = false; }
    /// Cuts the connection without a reply (the drop-connection fault).
    void drop();

    /// The TLS handshake SQL Server's way: TLS records inside PRELOGIN packets until it is
    /// done, then TLS directly on the socket. False when it failed (the peer is cut off).
    bool startTls(const TlsContext &context);
    /// Back to clear text (the client asked to encrypt the login only): call after LOGIN7.
    void stopTls() { m_tlsActive = false; }
    [[nodiscard]] bool encrypted() const { return m_tlsActive; }

    void setPacketSize(std::uint32_t size);
    /// Requests larger than this end read() with TooLarge (kMaxPreLoginMessage until login).
    void setMessageLimit(std::size_t bytes) { m_messageLimit = bytes; }
    /// read() gives up with TimedOut at this instant (the login deadline); max() = never.
    void setDeadline(std::chrono::steady_clock::time_point when) { m_deadline = when; }
    void setSpid(std::uint16_t spid) { m_spid = spid; }

private:
    /// Receives what is available; with `wait` it blocks up to 200 ms. False on EOF/error.
    bool fill(bool wait);
    /// Extracts one packet from m_in if complete.
    bool takePacket(std::uint8_t &type, std::uint8_t &status, std::vector<std::uint8_t> &data);
    /// Writes everything (through TLS when active).
    bool writeAll(const std::vector<std::uint8_t> &bytes);
    /// Frames `payload` as packets of `type`.
    std::vector<std::uint8_t> frame(std::uint8_t type, std::span<const std::uint8_t> payload,
                                    bool endOfMessage);

    int m_fd;
    const std::atomic_bool &m_stop;
    std::vector<std::uint8_t> m_in;
    std::uint32_t m_packetSize = 4096;
    std::uint16_t m_spid = 0;
    std::uint8_t m_packetId = 1;
    bool m_closed = false;
    bool m_attention = false;
    std::size_t m_messageLimit = kMaxPreLoginMessage;
    std::unique_ptr<TlsStream> m_tls;
    bool m_tlsActive = false;
    std::chrono::steady_clock::time_point m_deadline = std::chrono::steady_clock::time_point::max();
};

} // namespace vds::sqlsim
