#include "tlsstream.h"

#include <openssl/bio.h>
#include <openssl/ssl.h>

#include "tlscontext.h"

namespace vds::sqlsim {

TlsStream::TlsStream(const TlsContext &context)
{
    m_ssl = ::SSL_new(context.native());
    m_in = ::BIO_new(::BIO_s_mem());
    m_out = ::BIO_new(::BIO_s_mem());
    ::SSL_set_bio(m_ssl, m_in, m_out);
    ::SSL_set_accept_state(m_ssl);
}

TlsStream::~TlsStream()
{
    ::SSL_free(m_ssl); // frees both BIOs
}

void TlsStream::drain(std::vector<std::uint8_t> &out)
{
    char buf[16384];
    int n = 0;
    while ((n = ::BIO_read(m_out, buf, sizeof buf)) > 0)
        out.insert(out.end(), buf, buf + n);
}

bool TlsStream::handshake(std::span<const std::uint8_t> in, std::vector<std::uint8_t> &out)
{
    if (!in.empty() && ::BIO_write(m_in, in.data(), static_cast<int>(in.size())) <= 0)
        return false;
    const int r = ::SSL_do_handshake(m_ssl);
    drain(out);
    if (r == 1)
        return true;
    const int e = ::SSL_get_error(m_ssl, r);
    return e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE;
}

bool TlsStream::established() const
{
    return ::SSL_is_init_finished(m_ssl) == 1;
}

bool TlsStream::decrypt(std::span<const std::uint8_t> in, std::vector<std::uint8_t> &plain)
{
    if (!in.empty() && ::BIO_write(m_in, in.data(), static_cast<int>(in.size())) <= 0)
        return false;
    std::uint8_t buf[16384];
    for (;;) {
        const int n = ::SSL_read(m_ssl, buf, sizeof buf);
        if (n > 0) {
            plain.insert(plain.end(), buf, buf + n);
            continue;
        }
        const int e = ::SSL_get_error(m_ssl, n);
        return e == SSL_ERROR_WANT_READ;
    }
}

bool TlsStream::encrypt(std::span<const std::uint8_t> plain, std::vector<std::uint8_t> &out)
{
    std::size_t done = 0;
    while (done < plain.size()) {
        const int n =
            ::SSL_write(m_ssl, plain.data() + done,
                        static_cast<int>(std::min<std::size_t>(plain.size() - done, 1 << 20)));
        if (n <= 0)
            return false;
        done += static_cast<std::size_t>(n);
        drain(out);
    }
    drain(out);
    return true;
}

} // namespace vds::sqlsim
