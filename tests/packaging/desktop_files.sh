#!/usr/bin/env bash
set -euo pipefail
res=$1
desktop-file-validate "$res/vdstudio.desktop"
appstreamcli validate --no-net --pedantic "$res/io.github.vdstudio.metainfo.xml" || \
  appstreamcli validate --no-net "$res/io.github.vdstudio.metainfo.xml"
echo "desktop entry and metainfo valid"
