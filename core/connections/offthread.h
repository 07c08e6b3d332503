#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <utility>

namespace vds::connections {

/// Runs `work` (a blocking call: a login, a catalogue query) on the global thread pool and
/// hands its result to `done` on `context`'s thread. If `context` is destroyed first, `done`
/// is never called (the watcher dies with it); the work itself still finishes in the pool,
/// bounded by the login timeout. This is how the GUI talks to a server without freezing.
template <class Work, class Done> void runOffThread(QObject *context, Work work, Done done)
{
    using Result = decltype(work());
    auto promise = std::make_shared<QPromise<Result>>();
    QFuture<Result> future = promise->future();
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         done(watcher->future().result());
                     });
    watcher->setFuture(future);
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
}

} // namespace vds::connections
