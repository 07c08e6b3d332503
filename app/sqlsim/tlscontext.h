#pragma once

#include <memory>
#include <string>

struct ssl_ctx_st;

namespace vds::sqlsim {

/// The server's TLS configuration (OpenSSL SSL_CTX): the certificate and key given on the
/// command line, or a self-signed pair made at start. TLS 1.2 at most, as SQL Server speaks
/// TLS inside TDS 7.x PRELOGIN. Created once by main, shared read-only by every connection.
class TlsContext final {
public:
    /// Loads `certFile`/`keyFile` (PEM), or makes a self-signed P-256 certificate for
    /// `commonName` when both are empty. nullptr with `error` set on failure.
    static std::shared_ptr<TlsContext> create(const std::string &certFile,
                                              const std::string &keyFile,
                                              const std::string &commonName, std::string &error);
    ~TlsContext();
    TlsContext(const TlsContext &) = delete;
    TlsContext &operator=(const TlsContext &) = delete;
    [[nodiscard]] ssl_ctx_st *native() const { return m_ctx; }

private:
    explicit TlsContext(ssl_ctx_st *ctx) : m_ctx(ctx) {}
    ssl_ctx_st *m_ctx;
};

} // namespace vds::sqlsim
