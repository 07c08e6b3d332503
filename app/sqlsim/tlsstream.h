#pragma once

#include <cstdint>
#include <span>
#include <vector>

struct ssl_st;
struct bio_st;

namespace vds::sqlsim {

class TlsContext;

/// One connection's TLS session over memory BIOs: the channel moves the bytes (first inside
/// PRELOGIN packets during the handshake, then directly on the socket), this object only
/// encrypts and decrypts. Owned by the connection's TdsChannel; one thread.
class TlsStream final {
public:
    explicit TlsStream(const TlsContext &context);
    ~TlsStream();
    TlsStream(const TlsStream &) = delete;
    TlsStream &operator=(const TlsStream &) = delete;

    /// Feeds handshake bytes from the client; `out` receives what to send back.
    /// False when the handshake failed.
    bool handshake(std::span<const std::uint8_t> in, std::vector<std::uint8_t> &out);
    [[nodiscard]] bool established() const;
    /// Ciphertext from the socket → plaintext appended to `plain`. False on a TLS error.
    bool decrypt(std::span<const std::uint8_t> in, std::vector<std::uint8_t> &plain);
    /// Plaintext → ciphertext appended to `out`.
    bool encrypt(std::span<const std::uint8_t> plain, std::vector<std::uint8_t> &out);

private:
    void drain(std::vector<std::uint8_t> &out);
    ssl_st *m_ssl = nullptr;
    bio_st *m_in = nullptr;  ///< network → OpenSSL (owned by m_ssl)
    bio_st *m_out = nullptr; ///< OpenSSL → network (owned by m_ssl)
};

} // namespace vds::sqlsim
