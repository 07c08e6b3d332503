#!/usr/bin/env bash
# The desktop entry, the AppStream metainfo (pedantic) and the MIME XML are valid; the
# metainfo's screenshots are pictures committed in resources/screenshots.
set -euo pipefail
res=$1
desktop-file-validate "$res/vdstudio.desktop"
appstreamcli validate --no-net --pedantic "$res/io.github.vdstudio.metainfo.xml"
python3 - "$res" <<'PY'
import os, sys, xml.etree.ElementTree as ET
res = sys.argv[1]
ns = '{http://www.freedesktop.org/standards/shared-mime-info}'
mime = ET.parse(os.path.join(res, 'vdstudio-mime.xml')).getroot()
assert mime.tag == ns + 'mime-info', mime.tag
types = [t.get('type') for t in mime.findall(ns + 'mime-type')]
assert len(types) == 3 and all(t.startswith('application/x-vdstudio-') for t in types), types
for t in mime.findall(ns + 'mime-type'):
    assert t.find(ns + 'glob') is not None and t.find(ns + 'comment') is not None, t.get('type')
meta = ET.parse(os.path.join(res, 'io.github.vdstudio.metainfo.xml')).getroot()
shots = [i.text for i in meta.iter('image')]
assert shots, 'no screenshots'
for url in shots:
    name = url.rsplit('/resources/screenshots/', 1)[-1]
    assert os.path.isfile(os.path.join(res, 'screenshots', name)), url
print(f'{len(types)} MIME types, {len(shots)} screenshots present')
PY
echo "desktop entry, metainfo and MIME types valid"
