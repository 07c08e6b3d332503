#include "server.h"

#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <malloc.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "session.h"
#include "simoptions.h"

namespace vds::sqlsim {

Server::Server(ServerContext &context) : m_ctx(context) {}

Server::~Server()
{
    reap(true);
    if (m_fd >= 0)
        ::close(m_fd);
}

bool Server::listen(const std::string &host, std::uint16_t port, std::string &error)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        error = std::string("socket: ") + std::strerror(errno);
        return false;
    }
    const int one = 1;
    ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    if (::inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1) {
        error = "not an IPv4 address: " + host;
        return false;
    }
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        ::listen(m_fd, 16) != 0) {
        error =
            "cannot listen on " + host + ":" + std::to_string(port) + ": " + std::strerror(errno);
        return false;
    }
    socklen_t len = sizeof addr;
    ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    return true;
}

void Server::reap(bool all)
{
    bool joined = false;
    for (auto it = m_workers.begin(); it != m_workers.end();) {
        if (all || it->finished->load()) {
            if (it->thread.joinable())
                it->thread.join();
            it = m_workers.erase(it);
            joined = true;
        } else {
            ++it;
        }
    }
    // Give closed connections' buffers back to the system. Only after the join: a thread's
    // cached chunks return to its arena when it exits, and glibc keeps freed arena memory
    // (large requests included, once its mmap threshold has grown) until trimmed.
    if (joined)
        ::malloc_trim(0);
}

void Server::run()
{
    while (!m_ctx.stop.load()) {
        pollfd p{m_fd, POLLIN, 0};
        const int r = ::poll(&p, 1, 200);
        reap(false);
        if (r <= 0)
            continue;
        const int client = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            continue;
        const int one = 1;
        ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        std::size_t sessions = 0, refusals = 0;
        for (const Worker &w : m_workers)
            ++(w.refusal ? refusals : sessions);
        const bool refuse = sessions >= m_ctx.options.maxConnections;
        if (refuse && refusals >= kMaxRefusals) {
            ::close(client);
            continue;
        }
        auto finished = std::make_shared<std::atomic_bool>(false);
        const std::uint16_t spid = m_nextSpid++;
        if (m_nextSpid > 32000)
            m_nextSpid = 51;
        const unsigned cap = m_ctx.options.maxConnections;
        m_workers.push_back({std::thread([this, client, spid, finished, refuse, cap] {
                                 {
                                     Session session(client, spid, m_ctx);
                                     if (refuse)
                                         session.refuseBusy(cap);
                                     else
                                         session.run();
                                 }
                                 finished->store(true);
                             }),
                             finished, refuse});
    }
    reap(true);
}

} // namespace vds::sqlsim
