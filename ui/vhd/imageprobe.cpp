#include "ui/vhd/imageprobe.h"

#include <QCoreApplication>
#include <QFile>
#include <QPointer>
#include <QThread>

#include <vds/vdisk/openimage.h>

namespace vds::ui {

void probeImageAsync(QObject *receiver, const QString &path,
                     std::function<void(const ImageProbe &)> done)
{
    QPointer<QObject> guard(receiver);
    const std::string native = QFile::encodeName(path).toStdString();
    QThread *worker = QThread::create([guard, native, done = std::move(done)] {
        ImageProbe result;
        vdisk::OpenOptions options;
        options.followParents = false;
        auto image = vdisk::openImage(native, options);
        if (image)
            result.info = (*image)->info();
        else
            result.error = image.error();
        // Checked on the GUI thread, where the receiver lives and dies.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, done, result] {
                if (guard)
                    done(result);
            },
            Qt::QueuedConnection);
    });
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

} // namespace vds::ui
