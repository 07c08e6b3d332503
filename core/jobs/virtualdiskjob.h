#pragma once

#include <vds/jobs/job.h>
#include <vds/vdisk/createvirtualdisk.h>

namespace vds::jobs {

/// Creates or converts a VHD/VHDX (CreateVirtualDisk) as a job on the JobRunner.
///
/// Params in: a vdisk::CreateParams value (core/vdisk/createvirtualdisk.h) — target path, format,
/// type, size, block and sector sizes, parent (differencing) or source (conversion: an image,
/// a raw file, a block device path, or an already open descriptor in `sourceFd`, which the
/// caller keeps open until `finished`), flags, verify. Wizards and profiles fill it; the job
/// never reads settings. One JobResult out: `stats.extra` holds outputPath, format, type,
/// virtualSize, fileSize, uniqueId, blocksWritten, blocksSkipped and verified.
/// Progress: bytes of the virtual disk copied (and verified), per buffer; phases "prepare",
/// "copy", "finish", "verify". Cancel: checked per buffer; nothing is left at the target.
/// Thread affinity: as vds::jobs::Job (runs on the runner's thread for it).
class VirtualDiskJob final : public Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VirtualDiskJob)
public:
    using Params = vdisk::CreateParams;

    explicit VirtualDiskJob(Params params, QObject *parent = nullptr);
    ~VirtualDiskJob() override;

    /// "vhd-convert" with a source, otherwise "vhd-create": the kind history and profiles record.
    [[nodiscard]] QString kind() const override;
    /// Conversions feed two channels: bytes read from the source, bytes written to the target.
    [[nodiscard]] QStringList channelNames() const override;
    [[nodiscard]] const Params &params() const { return m_params; }

protected:
    JobResult execute(JobContext &ctx) override;

private:
    Params m_params;
};

} // namespace vds::jobs
