#include "hashthread_p.h"

namespace vds::backup {

HashThread::HashThread() : thread_([this] { run(); }) {}

HashThread::~HashThread()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void HashThread::run()
{
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return stopping_ || busy_; });
        if (stopping_) {
            return;
        }
        const auto data = pending_;
        lock.unlock();
        sha_.update(data);
        lock.lock();
        busy_ = false;
        changed_.notify_all();
    }
}

void HashThread::start(std::span<const std::byte> data)
{
    if (data.size() < kInline) {
        sha_.update(data);
        return;
    }
    {
        std::lock_guard lock(mutex_);
        pending_ = data;
        busy_ = true;
    }
    changed_.notify_all();
}

void HashThread::wait()
{
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !busy_; });
}

std::string HashThread::hexDigest()
{
    wait();
    return sha_.hexDigest();
}

} // namespace vds::backup
