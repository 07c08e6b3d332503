"""A TCP relay that records both directions, to see what crosses the wire.
usage: tls_proxy.py LISTEN_PORT_FILE TARGET_PORT LOG_PREFIX
Writes its port to LISTEN_PORT_FILE; appends client→server bytes to LOG_PREFIX.up and
server→client bytes to LOG_PREFIX.down. Runs until killed."""
import socket
import sys
import threading

port_file, target, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lock = threading.Lock()


def pump(src, dst, log):
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            with lock, open(log, "ab") as f:
                f.write(data)
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(16)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.getsockname()[1]))
import os
os.rename(port_file + ".tmp", port_file)
while True:
    client, _ = server.accept()
    upstream = socket.create_connection(("127.0.0.1", target))
    threading.Thread(target=pump, args=(client, upstream, prefix + ".up"), daemon=True).start()
    threading.Thread(target=pump, args=(upstream, client, prefix + ".down"), daemon=True).start()
