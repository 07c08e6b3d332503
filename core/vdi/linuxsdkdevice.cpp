// Microsoft's Linux SDK class ClientVirtualDevice over a provider's ClientDevice.
#include <vds/vdi/linuxsdk_p.h>

using namespace vds::vdi;

ClientVirtualDevice::ClientVirtualDevice() : cvd(new CVD) {}

ClientVirtualDevice::~ClientVirtualDevice()
{
    delete cvd;
}

int ClientVirtualDevice::GetCommand(time_t timeOut, VDC_Command **ppCmd)
{
    if (!ppCmd)
        return hr::kInvalid;
    *ppCmd = nullptr;
    if (!cvd->device)
        return hr::kProtocol; // a device object the set did not open
    auto cmd = cvd->device->getCommand(linuxsdk::commandTimeoutMs(timeOut));
    if (!cmd)
        return hresultOf(cmd.error());
    for (int n = 0; n < CVD::kMirror; ++n) {
        const int i = (cvd->next + n) % CVD::kMirror;
        if (cvd->sources[i])
            continue;
        cvd->next = (i + 1) % CVD::kMirror;
        cvd->sources[i] = *cmd;
        cvd->commands[i] = {
            static_cast<int32_t>((*cmd)->commandCode), static_cast<int32_t>((*cmd)->size),
            static_cast<int64_t>((*cmd)->position), reinterpret_cast<uint8_t *>((*cmd)->buffer)};
        *ppCmd = &cvd->commands[i];
        return 0;
    }
    return hr::kUnexpected; // more commands outstanding than a device queue holds
}

int ClientVirtualDevice::CompleteCommand(VDC_Command *pCmd, int completionCode,
                                         unsigned long bytesTransferred, int64_t position)
{
    if (!cvd->device)
        return hr::kProtocol;
    if (pCmd < cvd->commands || pCmd >= cvd->commands + CVD::kMirror)
        return hr::kInvalid;
    const auto i = pCmd - cvd->commands;
    Command *source = cvd->sources[i];
    if (!source)
        return hr::kInvalid; // completed already
    cvd->sources[i] = nullptr;
    auto ok = cvd->device->completeCommand(source, static_cast<std::uint32_t>(completionCode),
                                           bytesTransferred, static_cast<std::uint64_t>(position));
    return ok ? 0 : hresultOf(ok.error());
}
