#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "servercontext.h"

namespace vds::sqlsim {

/// The TCP listener: binds a loopback address, accepts connections and gives each one its own
/// thread running a Session. Owns those threads and joins them all before run() returns, so a
/// stop never leaves a thread behind. Lives on main's thread.
class Server final {
public:
    explicit Server(ServerContext &context);
    ~Server();
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    /// Binds; on success the chosen port is in port(). False with `error` set otherwise.
    bool listen(const std::string &host, std::uint16_t port, std::string &error);
    [[nodiscard]] std::uint16_t port() const { return m_port; }
    /// Accepts until the stop flag is set, then joins every connection thread.
    void run();

private:
    struct Worker {
        std::thread thread;
        std::shared_ptr<std::atomic_bool> finished;
        bool refusal = false; ///< answering 17809, not counted as a connection
    };
    /// Connections that only get the "too many connections" answer, at most this many at once;
    /// beyond that the socket is closed unanswered.
    static constexpr std::size_t kMaxRefusals = 16;
    void reap(bool all);

    ServerContext &m_ctx;
    int m_fd = -1;
    std::uint16_t m_port = 0;
    std::uint16_t m_nextSpid = 51;
    std::vector<Worker> m_workers;
};

} // namespace vds::sqlsim
