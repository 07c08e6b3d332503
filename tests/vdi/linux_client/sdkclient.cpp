// A VDI client written the way users of Microsoft's Linux SDK write them: the SDK's two
// headers included by bare name, `new ClientVirtualDeviceSet`, Create, the T-SQL sent by
// another process (tsql, as the SDK sample uses sqlcmd), GetConfiguration, OpenDevice, and a
// GetCommand/CompleteCommand loop per device. Nothing in it knows Virtual Device Studio: it
// is built with -I pointing at our Linux compat headers and linked to whichever libsqlvdi.
//
//   sdkclient {b|r} DB USER PASSWORD FILEPREFIX PORT STRIPES {plain|secondary|abort} [WITH...]
//
// Stripe i (1-based) goes to FILEPREFIX.i. "secondary" moves every buffer in a second process
// (OpenInSecondary + MapBufferHandle; the buffer handle travels over a pipe). "abort" calls
// SignalAbort after a few commands and expects the server's statement to fail.
// Exit 0 when the transfer and the SQL statement ended as the mode expects.
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "vdi.h"      // interface declaration
#include "vdierror.h" // error constants

namespace {

ClientVirtualDeviceSet *vds = nullptr;
char setName[64];
bool doBackup = true;
std::string filePrefix;
std::string mode = "plain";
int toSecondary = -1, fromSecondary = -1; // pipes to the helper process ("secondary")
pthread_mutex_t secondaryLock = PTHREAD_MUTEX_INITIALIZER;

struct Transfer {
    ClientVirtualDevice *vd = nullptr;
    int stripe = 0;
    int status = 0;
    unsigned long commands = 0;
    unsigned long long bytes = 0;
};

struct Request {
    int write; // 1: store the buffer, 0: fill it
    int stripe;
    unsigned handle;
    int size;
};

// Runs in the secondary process: attach to the set, then serve buffer handles.
int secondaryMain(const char *name, int in, int out, const char *prefix, bool backup, int stripes)
{
    ClientVirtualDeviceSet *set = new ClientVirtualDeviceSet();
    int status = set->OpenInSecondary(const_cast<char *>(name));
    long reply[2] = {status, 0};
    if (write(out, reply, sizeof reply) != sizeof reply || status != 0)
        return 1;
    std::vector<FILE *> files(stripes + 1, nullptr);
    for (int i = 1; i <= stripes; ++i) {
        std::string f = std::string(prefix) + "." + std::to_string(i);
        files[i] = fopen(f.c_str(), backup ? "wb" : "rb");
        if (!files[i])
            return 1;
    }
    Request rq;
    while (read(in, &rq, sizeof rq) == sizeof rq) {
        uint8_t *buffer = nullptr;
        status = set->MapBufferHandle(static_cast<int>(rq.handle), &buffer);
        size_t done = 0;
        if (status == 0)
            done = rq.write ? fwrite(buffer, 1, rq.size, files[rq.stripe])
                            : fread(buffer, 1, rq.size, files[rq.stripe]);
        reply[0] = status;
        reply[1] = static_cast<long>(done);
        if (write(out, reply, sizeof reply) != sizeof reply)
            break;
    }
    for (int i = 1; i <= stripes; ++i)
        fclose(files[i]);
    set->Close();
    delete set;
    return 0;
}

// Moves one command's data through the secondary process.
size_t viaSecondary(VDC_Command *cmd, int stripe, int *status)
{
    Request rq{doBackup ? 1 : 0, stripe, 0, cmd->size};
    *status = vds->GetBufferHandle(cmd->buffer, &rq.handle);
    if (*status != 0)
        return 0;
    long reply[2] = {0, 0};
    pthread_mutex_lock(&secondaryLock);
    bool ok = write(toSecondary, &rq, sizeof rq) == sizeof rq &&
              read(fromSecondary, reply, sizeof reply) == sizeof reply;
    pthread_mutex_unlock(&secondaryLock);
    *status = ok ? static_cast<int>(reply[0]) : VD_E_UNEXPECTED;
    return static_cast<size_t>(reply[1]);
}

void *performTransfer(void *arg)
{
    Transfer *t = static_cast<Transfer *>(arg);
    FILE *fh = nullptr;
    if (mode != "secondary") {
        std::string fname = filePrefix + "." + std::to_string(t->stripe);
        fh = fopen(fname.c_str(), doBackup ? "wb" : "rb");
        if (!fh) {
            printf("Failed to open: %s\n", fname.c_str());
            t->status = VD_E_UNEXPECTED;
            return nullptr;
        }
    }
    VDC_Command *cmd;
    int completionCode;
    size_t bytesTransferred;
    int status;
    // Timeout in seconds, as in Microsoft's sample.
    int timeout = 90;
    while ((status = t->vd->GetCommand(timeout, &cmd)) == 0) {
        bytesTransferred = 0;
        switch (cmd->commandCode) {
        case VDC_Read:
        case VDC_Write:
            if (mode == "secondary") {
                int moved = 0;
                bytesTransferred = viaSecondary(cmd, t->stripe, &moved);
                if (moved != 0)
                    printf("secondary failed: x%X\n", moved);
            } else if (cmd->commandCode == VDC_Read) {
                bytesTransferred = fread(cmd->buffer, 1, cmd->size, fh);
            } else {
                bytesTransferred = fwrite(cmd->buffer, 1, cmd->size, fh);
            }
            if (bytesTransferred == static_cast<size_t>(cmd->size))
                completionCode = ERROR_SUCCESS;
            else // short read: end of the backup; short write: the disk is full
                completionCode = cmd->commandCode == VDC_Read ? ERROR_HANDLE_EOF : ERROR_DISK_FULL;
            break;
        case VDC_Flush:
            if (fh)
                fflush(fh);
            completionCode = ERROR_SUCCESS;
            break;
        case VDC_ClearError: completionCode = ERROR_SUCCESS; break;
        default:
            // If command is unknown...
            completionCode = ERROR_NOT_SUPPORTED;
        }
        status = t->vd->CompleteCommand(cmd, completionCode, bytesTransferred, 0);
        ++t->commands;
        t->bytes += bytesTransferred;
        if (status != 0) {
            printf("Completion Failed: x%X\n", status);
            break;
        }
        if (mode == "abort" && t->stripe == 1 && t->commands == 3) {
            printf("Signalling abort\n");
            vds->SignalAbort();
        }
    }
    t->status = status;
    if (fh)
        fclose(fh);
    return nullptr;
}

FILE *sendSQL(const char *db, const char *user, const char *password, const char *port, int stripes,
              const char *extra)
{
    std::string devices;
    for (int i = 1; i <= stripes; ++i) {
        if (i > 1)
            devices += ", ";
        devices += "VIRTUAL_DEVICE='" + std::string(setName) +
                   (i > 1 ? "_" + std::to_string(i) : "") + "'";
    }
    std::string sql = std::string(doBackup ? "BACKUP DATABASE [" : "RESTORE DATABASE [") + db +
                      (doBackup ? "] TO " : "] FROM ") + devices + " WITH " +
                      (doBackup ? "FORMAT" : "REPLACE") + ", MAXTRANSFERSIZE=65536";
    if (extra && *extra)
        sql += std::string(", ") + extra;
    std::string command = "printf '%s\\ngo\\nexit\\n' \"" + sql +
                          "\" | TDSVER=7.4 tsql -H 127.0.0.1 -p " + port + " -U " + user + " -P '" +
                          password + "' 2>&1";
    printf("SQL: %s\n", sql.c_str());
    fflush(stdout);
    return popen(command.c_str(), "r");
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 8 && strcmp(argv[1], "secondary") == 0)
        return secondaryMain(argv[2], atoi(argv[3]), atoi(argv[4]), argv[5], argv[6][0] == 'b',
                             atoi(argv[7]));
    if (argc < 9) {
        printf("usage: sdkclient {b|r} DB USER PASSWORD FILEPREFIX PORT STRIPES "
               "{plain|secondary|abort} [WITH...]\n");
        return 2;
    }
    doBackup = argv[1][0] == 'b' || argv[1][0] == 'B';
    filePrefix = argv[5];
    const int stripes = atoi(argv[7]);
    mode = argv[8];
    if (stripes < 1 || stripes > 64)
        return 2;

    umask(0);
    vds = new ClientVirtualDeviceSet();

    VDConfig config;
    memset(&config, 0, sizeof(config));
    config.deviceCount = stripes;
    snprintf(setName, sizeof setName, "sdkclient-%d-%ld", static_cast<int>(getpid()),
             static_cast<long>(time(nullptr)));

    int status = vds->Create(setName, &config);
    if (status != 0) {
        printf("VDS::Create fails: x%X\n", status);
        return 1;
    }
    FILE *sql = sendSQL(argv[2], argv[3], argv[4], argv[6], stripes, argc > 9 ? argv[9] : "");
    status = vds->GetConfiguration(10000, &config);
    if (status != 0) {
        printf("VDS::Getconfig fails: x%X\n", status);
        vds->Close();
        return 1;
    }
    printf("Features returned by the server: 0x%x, block %u, max transfer %u\n", config.features,
           config.blockSize, config.maxTransferSize);

    pid_t helper = -1;
    if (mode == "secondary") {
        int down[2], up[2];
        if (pipe(down) != 0 || pipe(up) != 0)
            return 1;
        helper = fork();
        if (helper == 0) {
            close(down[1]);
            close(up[0]);
            char in[16], out[16], n[16];
            snprintf(in, sizeof in, "%d", down[0]);
            snprintf(out, sizeof out, "%d", up[1]);
            snprintf(n, sizeof n, "%d", stripes);
            execl("/proc/self/exe", argv[0], "secondary", setName, in, out, filePrefix.c_str(),
                  doBackup ? "b" : "r", n, static_cast<char *>(nullptr));
            _exit(127);
        }
        close(down[0]);
        close(up[1]);
        toSecondary = down[1];
        fromSecondary = up[0];
        long reply[2] = {0, 0};
        if (read(fromSecondary, reply, sizeof reply) != sizeof reply || reply[0] != 0) {
            printf("OpenInSecondary fails: x%lX\n", reply[0]);
            vds->SignalAbort();
            vds->Close();
            return 1;
        }
        printf("Secondary process %d attached\n", static_cast<int>(helper));
    }

    std::vector<Transfer> transfers(stripes);
    std::vector<pthread_t> threads(stripes);
    for (int i = 0; i < stripes; ++i) {
        std::string name = std::string(setName) + (i > 0 ? "_" + std::to_string(i + 1) : "");
        status = vds->OpenDevice(const_cast<char *>(name.c_str()), &transfers[i].vd);
        if (status != 0) {
            printf("VDS::OpenDevice fails: x%X\n", status);
            vds->SignalAbort();
            vds->Close();
            return 1;
        }
        transfers[i].stripe = i + 1;
    }
    for (int i = 0; i < stripes; ++i)
        pthread_create(&threads[i], nullptr, performTransfer, &transfers[i]);
    bool closed = true, aborted = false;
    for (int i = 0; i < stripes; ++i) {
        pthread_join(threads[i], nullptr);
        printf("device %d: %lu commands, %llu bytes, ended with x%X\n", i + 1,
               transfers[i].commands, transfers[i].bytes, transfers[i].status);
        closed = closed && transfers[i].status == VD_E_CLOSE;
        aborted = aborted || transfers[i].status == VD_E_ABORT;
    }
    vds->Close();
    if (helper > 0) {
        close(toSecondary);
        int ws = 0;
        waitpid(helper, &ws, 0);
        closed = closed && WIFEXITED(ws) && WEXITSTATUS(ws) == 0;
    }

    // Print out the messages of the SQL client: success is the statement's result.
    std::string output;
    char line[1024];
    while (fgets(line, sizeof line, sql))
        output += line;
    pclose(sql);
    printf("%s", output.c_str());
    delete vds;
    if (mode == "abort")
        return aborted && output.find("aborted") != std::string::npos &&
                       output.find("successfully processed") == std::string::npos
                   ? 0
                   : 1;
    return closed && output.find("successfully processed") != std::string::npos ? 0 : 1;
}
