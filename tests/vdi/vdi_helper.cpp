// vdi_helper: the other process of the multi-process vdi_* tests. Each mode plays one role
// (server, primary, secondary) and reports on stdout, one line per event, so the test can
// follow along, kill it at a known point and check the outcome by exit code:
//   0 success, 3 saw VD_E_ABORT, 1 anything else.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "vdiengine.h"
#include <vds/vdi/sharedset_p.h>

using namespace vdstest;

namespace {

int report(const StreamResult &r)
{
    std::printf("RESULT ok=%d abort=%d bytes=%llu %s\n", r.ok ? 1 : 0, r.sawAbort ? 1 : 0,
                static_cast<unsigned long long>(r.bytes), r.error.c_str());
    std::fflush(stdout);
    return r.ok ? 0 : (r.sawAbort ? 3 : 1);
}

void say(const std::string &line)
{
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
}

std::unique_ptr<ClientSet> newSet()
{
    auto set = makeClientSet();
    if (!set) {
        say("ERROR " + set.error().toString());
        std::exit(1);
    }
    return std::move(*set);
}

/// Waits out VD_E_PROTOCOL while the primary has not read the configuration yet.
bool openSecondary(ClientSet &set, const std::string &inst, const std::string &name)
{
    std::string last;
    for (int i = 0; i < 2000; ++i) {
        auto r = set.openInSecondary(inst, name);
        if (r)
            return true;
        last = r.error().toString();
        if (hresultOf(r.error()) != hr::kProtocol) {
            say("ERROR " + hresultName(hresultOf(r.error())) + " " + r.error().toString());
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    say("ERROR secondary open timed out: " + last);
    return false;
}

StreamSpec specFrom(char **argv, int first)
{
    StreamSpec s;
    s.instance = argv[first];
    s.name = argv[first + 1];
    s.direction =
        std::string(argv[first + 2]) == "restore" ? Direction::Restore : Direction::Backup;
    s.devices = static_cast<std::uint32_t>(std::stoul(argv[first + 3]));
    s.bytesPerDevice = std::stoull(argv[first + 4]);
    s.transfer = static_cast<std::uint32_t>(std::stoul(argv[first + 5]));
    s.seed = static_cast<std::uint32_t>(std::stoul(argv[first + 6]));
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "server" && argc == 9) {
        // server INST NAME backup|restore DEVICES BYTES TRANSFER SEED
        return report(runServer(specFrom(argv, 2)));
    }
    if (mode == "server-hold" && argc == 5) {
        // server-hold INST NAME DEVICES: open, configure, open every device, then sit there
        // without sending anything (the test kills this process).
        ServerSet set;
        const std::string name = argv[3];
        const auto devices = static_cast<std::uint32_t>(std::stoul(argv[4]));
        for (int i = 0; !set.open(argv[2], name); ++i) {
            if (i > 5000) {
                say("ERROR no set");
                return 1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        if (!set.beginConfiguration({0, 0, 512, 65536}) || !set.requestBuffers(65536, 0, 2) ||
            !set.endConfiguration()) {
            say("ERROR configuration");
            return 1;
        }
        for (std::uint32_t i = 0; i < devices; ++i)
            if (!set.openDevice(i == 0 ? name : name + "#" + std::to_string(i))) {
                say("ERROR openDevice");
                return 1;
            }
        say("SERVING");
        for (;;)
            std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    if (mode == "primary" && argc == 9) {
        // primary INST NAME backup|restore DEVICES BYTES TRANSFER SEED: the whole client side
        StreamSpec spec = specFrom(argv, 2);
        auto set = newSet();
        Config cfg;
        cfg.deviceCount = spec.devices;
        if (auto r = set->create(spec.instance, spec.name, cfg); !r) {
            say("ERROR " + r.error().toString());
            return 1;
        }
        say("CREATED");
        StreamResult r = runClientDevices(*set, spec);
        (void)set->close();
        return report(r);
    }
    if (mode == "primary-hold" && argc == 5) {
        // primary-hold INST NAME DEVICES: create, configure, open device 1, then wait in
        // GetCommand forever (the test kills this process).
        auto set = newSet();
        Config cfg;
        cfg.deviceCount = static_cast<std::uint32_t>(std::stoul(argv[4]));
        if (auto r = set->create(argv[2], argv[3], cfg); !r) {
            say("ERROR " + r.error().toString());
            return 1;
        }
        say("CREATED");
        if (auto c = set->getConfiguration(20000); !c) {
            say("ERROR " + c.error().toString());
            return 1;
        }
        say("CONFIGURED");
        auto dev = set->openDevice(argv[3]);
        if (!dev) {
            say("ERROR " + dev.error().toString());
            return 1;
        }
        say("OPEN");
        for (;;)
            std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    if (mode == "secondary" && argc >= 5) {
        // secondary INST NAME DEVICE-INDEX [BYTES SEED]: pump one device of a backup stream.
        StreamSpec spec;
        spec.instance = argv[2];
        spec.name = argv[3];
        const auto index = static_cast<std::uint32_t>(std::stoul(argv[4]));
        if (argc >= 7) {
            spec.bytesPerDevice = std::stoull(argv[5]);
            spec.seed = static_cast<std::uint32_t>(std::stoul(argv[6]));
        }
        auto set = newSet();
        if (!openSecondary(*set, spec.instance, spec.name))
            return 1;
        say("ATTACHED");
        auto dev =
            set->openDevice(index == 0 ? spec.name : spec.name + "#" + std::to_string(index));
        if (!dev) {
            say("ERROR " + dev.error().toString());
            return hresultOf(dev.error()) == hr::kAbort ? 3 : 1;
        }
        say("OPEN");
        StreamResult r = pumpDevice(**dev, spec, index);
        (void)set->close();
        return report(r);
    }
    if (mode == "secondary-relay" && argc == 5) {
        // secondary-relay INST NAME DEVICE-INDEX: for every Write, print "BUF handle size" and
        // complete only after the primary answers a line on stdin ("ok" or "bad").
        auto set = newSet();
        if (!openSecondary(*set, argv[2], argv[3]))
            return 1;
        const auto index = std::stoul(argv[4]);
        auto dev = set->openDevice(index == 0 ? std::string(argv[3])
                                              : std::string(argv[3]) + "#" + argv[4]);
        if (!dev) {
            say("ERROR " + dev.error().toString());
            return 1;
        }
        say("OPEN");
        int bad = 0;
        for (;;) {
            auto cmd = (*dev)->getCommand(20000);
            if (!cmd) {
                const bool closed = hresultOf(cmd.error()) == hr::kClose;
                (void)set->close();
                say(closed ? "CLOSED" : "ERROR " + cmd.error().toString());
                return closed && bad == 0 ? 0 : 1;
            }
            std::uint64_t bytes = 0;
            if ((*cmd)->commandCode == command::kWrite) {
                auto handle = set->bufferHandle((*cmd)->buffer);
                if (!handle) {
                    say("ERROR " + handle.error().toString());
                    return 1;
                }
                say("BUF " + std::to_string(*handle) + " " + std::to_string((*cmd)->size));
                std::string answer;
                if (!std::getline(std::cin, answer))
                    return 1;
                bad += answer == "ok" ? 0 : 1;
                bytes = (*cmd)->size;
            }
            (void)(*dev)->completeCommand(*cmd, win32::kSuccess, bytes, 0);
        }
    }
    if (mode == "secondary-hold" && argc == 5) {
        // secondary-hold INST NAME DEVICE-INDEX: attach, open, then wait in GetCommand; prints
        // how that wait ended and how long after "OPEN" it took.
        auto set = newSet();
        if (!openSecondary(*set, argv[2], argv[3]))
            return 1;
        const auto index = std::stoul(argv[4]);
        auto dev = set->openDevice(index == 0 ? std::string(argv[3])
                                              : std::string(argv[3]) + "#" + argv[4]);
        if (!dev) {
            say("ERROR " + dev.error().toString());
            return 1;
        }
        say("OPEN");
        auto cmd = (*dev)->getCommand(kInfinite);
        const int code = cmd ? 0 : hresultOf(cmd.error());
        say("WAIT " + hresultName(code));
        (void)set->close();
        return code == hr::kAbort ? 3 : 1;
    }
    if (mode == "die-holding-lock" && argc == 4) {
        // die-holding-lock INST NAME: attach as a secondary (internal API), take the control
        // block's robust mutex and keep it until the test kills this process.
        auto shared = SharedSet::open(argv[2], argv[3], SharedSet::Role::Secondary);
        if (!shared) {
            say("ERROR " + shared.error().toString());
            return 1;
        }
        SharedSet::Lock lock(**shared);
        say("LOCKED");
        for (;;)
            std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    if (mode == "try-open" && argc == 4) {
        // try-open INST NAME: as whatever user we run as, try both ends; prints the codes.
        auto set = newSet();
        auto r = set->openInSecondary(argv[2], argv[3]);
        ServerSet server;
        auto s = server.open(argv[2], argv[3]);
        say("SECONDARY " + (r ? std::string("NOERROR") : hresultName(hresultOf(r.error()))));
        say("SERVER " + (s ? std::string("NOERROR") : hresultName(hresultOf(s.error()))));
        return (!r && !s) ? 0 : 1;
    }
    std::fprintf(stderr, "usage: vdi_helper MODE ARGS (see the source)\n");
    return 2;
}
