#!/usr/bin/env bash
# Done-when: secondary processes (OpenInSecondary + MapBufferHandle) move the data of the
# SDK-style client, both directions, byte-identically; SignalAbort from the client aborts the
# server's statement and the SQL client reports SQL Server's error text.
. "$(dirname "$0")/linux_common.sh"
start_sim
exe=$work/sdkclient
build_client "$exe" -L"$libdir" -lvdssqlvdi -Wl,-rpath,"$libdir"
out=$(client "$exe" b Sales "$work/sec" 2 secondary) || { echo "$out"; exit 1; }
grep -q '^Secondary process [0-9]* attached' <<<"$out" || { echo "$out"; exit 1; }
restore_copy_and_compare "$exe" "$work/sec" 2 secondary SecCopy
echo "secondary process moved a 2-stripe backup and its restore; byte-identical"

out=$(client "$exe" b Sales "$work/abort" 1 abort) || { echo "$out"; exit 1; }
grep -q 'The backup or restore was aborted' <<<"$out" || { echo "$out"; exit 1; }
grep -q 'BACKUP DATABASE is terminating abnormally' <<<"$out" || { echo "$out"; exit 1; }
echo "SignalAbort: the server's BACKUP failed with 3204/3013"
