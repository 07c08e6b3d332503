#include "tlscontext.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace vds::sqlsim {

namespace {
std::string opensslError(const std::string &what)
{
    const unsigned long e = ::ERR_get_error();
    char buf[256] = "unknown error";
    if (e)
        ::ERR_error_string_n(e, buf, sizeof buf);
    return what + ": " + buf;
}

/// A self-signed certificate for `cn` with a fresh P-256 key, valid from now for a year.
bool selfSigned(SSL_CTX *ctx, const std::string &cn, std::string &error)
{
    EVP_PKEY *key = ::EVP_EC_gen("P-256");
    X509 *cert = ::X509_new();
    bool ok = key && cert;
    if (ok) {
        ::X509_set_version(cert, 2);
        ::ASN1_INTEGER_set(::X509_get_serialNumber(cert), 1);
        ::X509_gmtime_adj(::X509_getm_notBefore(cert), -60);
        ::X509_gmtime_adj(::X509_getm_notAfter(cert), 365L * 24 * 3600);
        ::X509_set_pubkey(cert, key);
        X509_NAME *name = ::X509_get_subject_name(cert);
        ::X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char *>(cn.c_str()), -1, -1,
                                     0);
        ::X509_set_issuer_name(cert, name);
        ok = ::X509_sign(cert, key, ::EVP_sha256()) > 0 &&
             ::SSL_CTX_use_certificate(ctx, cert) == 1 && ::SSL_CTX_use_PrivateKey(ctx, key) == 1;
    }
    if (!ok)
        error = opensslError("cannot make a self-signed certificate");
    ::X509_free(cert);
    ::EVP_PKEY_free(key);
    return ok;
}
} // namespace

std::shared_ptr<TlsContext> TlsContext::create(const std::string &certFile,
                                               const std::string &keyFile,
                                               const std::string &commonName, std::string &error)
{
    SSL_CTX *ctx = ::SSL_CTX_new(::TLS_server_method());
    if (!ctx) {
        error = opensslError("cannot create a TLS context");
        return nullptr;
    }
    std::shared_ptr<TlsContext> result(new TlsContext(ctx));
    // TDS 7.x carries the handshake inside PRELOGIN packets; its clients speak TLS 1.2.
    ::SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    ::SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
    if (certFile.empty() && keyFile.empty()) {
        if (!selfSigned(ctx, commonName, error))
            return nullptr;
    } else if (::SSL_CTX_use_certificate_chain_file(ctx, certFile.c_str()) != 1) {
        error = opensslError("cannot load the certificate " + certFile);
        return nullptr;
    } else if (::SSL_CTX_use_PrivateKey_file(ctx, keyFile.c_str(), SSL_FILETYPE_PEM) != 1) {
        error = opensslError("cannot load the private key " + keyFile);
        return nullptr;
    } else if (::SSL_CTX_check_private_key(ctx) != 1) {
        error = opensslError(keyFile + " does not belong to " + certFile);
        return nullptr;
    }
    return result;
}

TlsContext::~TlsContext()
{
    ::SSL_CTX_free(m_ctx);
}

} // namespace vds::sqlsim
