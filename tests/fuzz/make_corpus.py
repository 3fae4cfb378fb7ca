#!/usr/bin/env python3
"""Regenerates the seed corpora in tests/fuzz/corpus/<target>/ from the project's test data and fixtures.

    tests/fuzz/make_corpus.py            (from anywhere; writes next to this script, replacing the old seeds)

Sources: the input column of the unit tests' data rows (tst_reference, tst_authchallenge, tst_pluginconfig,
tst_settings), the seed store in tests/data/seed-store, the Docker/OCI manifest, list and token shapes the test
registry and token server (tests/common/testregistry.h, testtokenserver.h) serve, and small layers and bundles built
here with tarfile/gzip/zipfile: ordinary files, links, whiteouts, and the escapes tst_layerextractor refuses. Seeds
are named by the SHA-1 of their content, as libFuzzer names corpus files. Deterministic: the same tree gives the same
seeds.
"""
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, 'corpus')


def read(path):
    with open(os.path.join(ROOT, path), 'rb') as f:
        return f.read()


def c_strings(path):
    """The first string literal of each QTest::newRow(...) row: the row's input."""
    text = read(path).decode()
    out = []
    for m in re.finditer(r'newRow\("(?:[^"\\]|\\.)*"\)\s*<<\s*(?:QByteArray\()?(?:u?)"((?:[^"\\]|\\.)*)"', text):
        out.append(bytes(m.group(1), 'utf-8').decode('unicode_escape').encode('utf-8'))
    return out


def raw_strings(path):
    """Every R"(...)" literal of a test source that is JSON."""
    text = read(path).decode()
    return [m.group(1).encode() for m in re.finditer(r'R"\((.*?)\)"', text, re.S) if m.group(1).lstrip()[:1] in '{['] 


class Corpus:
    def __init__(self, name):
        self.dir = os.path.join(CORPUS, name)
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)

    def add(self, data):
        if isinstance(data, str):
            data = data.encode()
        with open(os.path.join(self.dir, hashlib.sha1(data).hexdigest()), 'wb') as f:
            f.write(data)


def sha(data):
    return 'sha256:' + hashlib.sha256(data).hexdigest()


def tar(entries, compress=False, fmt=tarfile.PAX_FORMAT):
    """entries: (name, kind, payload) with kind file|dir|symlink|hardlink|fifo|chr."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w', format=fmt, encoding='utf-8', errors='surrogateescape') as t:
        for name, kind, payload in entries:
            info = tarfile.TarInfo(name)
            info.mtime = 1600000000
            info.mode = 0o644
            data = None
            if kind == 'file':
                data = payload.encode() if isinstance(payload, str) else payload
                info.size = len(data)
            elif kind == 'dir':
                info.type, info.mode = tarfile.DIRTYPE, 0o755
            elif kind == 'symlink':
                info.type, info.linkname = tarfile.SYMTYPE, payload
            elif kind == 'hardlink':
                info.type, info.linkname = tarfile.LNKTYPE, payload
            elif kind == 'fifo':
                info.type = tarfile.FIFOTYPE
            elif kind == 'chr':
                info.type, info.devmajor, info.devminor = tarfile.CHRTYPE, 1, 3
            t.addfile(info, io.BytesIO(data) if data is not None else None)
    raw = buf.getvalue()
    return gzip.compress(raw, mtime=0) if compress else raw


CONFIG = {
    "Description": "A test volume plugin", "Documentation": "https://example.com/",
    "Interface": {"Types": ["docker.volumedriver/1.0"], "Socket": "testvol.sock"},
    "Entrypoint": ["/testvolumeplugin", "--root", "/data"], "WorkDir": "/",
    "User": {"UID": 0, "GID": 0}, "Network": {"Type": "host"},
    "Linux": {"Capabilities": ["CAP_SYS_ADMIN"], "AllowAllDevices": False,
              "Devices": [{"Name": "fuse", "Description": "", "Settable": ["path"], "Path": "/dev/fuse"}]},
    "Mounts": [{"Name": "state", "Description": "", "Settable": ["source"], "Source": "/var/lib/testvol",
                "Destination": "/state", "Type": "bind", "Options": ["rbind"]}],
    "Env": [{"Name": "DEBUG", "Description": "", "Settable": ["value"], "Value": "0"}],
    "Args": {"Name": "args", "Description": "", "Settable": ["value"], "Value": []},
    "PropagatedMount": "/data", "IpcHost": False, "PidHost": False,
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + "ab" * 32]},
}


def main():
    # Reference
    c = Corpus('reference')
    for s in c_strings('tests/unit/tst_reference.cpp'):
        c.add(s)
    for s in ['localhost:5000/acme/testvol:1.0', 'vieux/sshfs@sha256:' + 'a' * 64, '[::1]:5000/x/y:z',
              'registry.example.com:443/a/b/c/d:v1.2.3-rc1@sha256:' + '0' * 64]:
        c.add(s)

    # PluginConfig: selector byte 0 (as is) and 1 (forced v0).
    c = Corpus('pluginconfig')
    configs = raw_strings('tests/unit/tst_pluginconfig.cpp')
    configs.append(read('tests/data/seed-store/plugins/cd851ce43a403/manifest.json'))
    configs.append(json.dumps(CONFIG).encode())
    for cfg in configs:
        c.add(b'\x00' + cfg)
    for cfg in configs[-2:]:
        c.add(b'\x01' + cfg)

    # Inventory: the seed store's plugins.json, the shape Store::save writes, and broken entries.
    c = Corpus('inventory')
    c.add(read('tests/data/seed-store/plugins/plugins.json'))
    pid = 'ab' * 32
    record = {"Id": pid, "Name": "acme/testvol", "Tag": "1.0", "Active": False, "Manifest": CONFIG,
              "Config": {"Mounts": [], "Env": ["DEBUG=0"], "Args": [], "Devices": []},
              "PluginReference": "localhost:5000/acme/testvol:1.0", "ConfigDigest": sha(b'c'),
              "ManifestDigest": sha(b'm'), "Blobsums": [sha(b'l')],
              "ApprovedPrivileges": [{"Name": "network", "Description": "", "Value": ["host"]}]}
    c.add(json.dumps({pid: {"plugin": record}}, indent=4))
    c.add(json.dumps({pid: record}))
    c.add(json.dumps({"XYZ": {"plugin": {"Name": "a"}}, "12": 3, "ab": {"Name": "x@sha256:" + 'a' * 64}}))

    # Settings: selector < 128: JSON; >= 128: `set` arguments, one per line.
    c = Corpus('settings')
    for s in raw_strings('tests/unit/tst_settings.cpp'):
        c.add(b'\x00' + s)
    c.add(b'\x00' + read('tests/data/seed-store/plugins/cd851ce43a403/plugin-config.json'))
    for args in ['DEBUG=1', 'DEBUG=1\nstate.source=/srv\nfuse.path=/dev/null', 'args=-x -y', 'args.value=a b',
                 'LOCKED=2', 'nosource.source=/x', '=x', 'state=/x', 'fuse=/dev/zero\nANY=1', 'unknown.field=1']:
        c.add(b'\x80' + args.encode())

    # Layers: tar and tar.gz.
    c = Corpus('layer')
    good = [('etc', 'dir', None), ('etc/config', 'file', 'x=1\n'), ('bin', 'dir', None),
            ('bin/tool', 'file', '#!/bin/sh\n'), ('bin/link', 'symlink', 'tool'), ('bin/hard', 'hardlink', 'bin/tool'),
            ('run/docker/plugins', 'dir', None), ('fifo', 'fifo', None), ('dev/null', 'chr', None)]
    whiteouts = [('etc/.wh.config', 'file', ''), ('bin/.wh..wh..opq', 'file', ''), ('new', 'file', 'n')]
    escapes = [('../outside', 'file', 'x'), ('/abs/escape', 'file', 'x'), ('up', 'symlink', '../..'),
               ('up/escaped', 'file', 'x'), ('abs', 'symlink', '/'), ('abs/tmp/escaped', 'file', 'x'),
               ('hl', 'hardlink', '../canary/file'), ('a/b/../../../c', 'file', 'x')]
    for entries in [good, whiteouts, escapes, good + whiteouts + escapes]:
        c.add(tar(entries))
        c.add(tar(entries, compress=True))
    c.add(tar(good, fmt=tarfile.GNU_FORMAT))
    c.add(tar([('l' * 200 + '/f', 'file', 'long')], fmt=tarfile.GNU_FORMAT))
    # fuzz_layer finding: a name that is not UTF-8 (byte 0xff), which QDir::removeRecursively cannot remove.
    c.add(tar([('l' * 90 + '\udcff' + 'l' * 110 + '/f', 'file', 'long')], fmt=tarfile.GNU_FORMAT))

    # Bundles: a good one (as BundleWriter makes it) and a few that must be refused.
    c = Corpus('bundle')
    layer = tar(good, compress=True)
    config = json.dumps(CONFIG).encode()
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                           "config": {"mediaType": "application/vnd.docker.plugin.v1+json", "size": len(config),
                                      "digest": sha(config)},
                           "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                                       "size": len(layer), "digest": sha(layer)}]}).encode()
    header = json.dumps({"Format": "plugdesk-bundle", "Version": 1, "Name": "acme/testvol:1.0", "Tag": "1.0",
                         "PluginReference": "localhost:5000/acme/testvol:1.0", "Manifest": sha(manifest)}).encode()

    def bundle(entries):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED if name.startswith('blobs/') else zipfile.ZIP_DEFLATED
                z.writestr(info, data)
        return buf.getvalue()

    blobs = [('blobs/sha256/' + sha(config)[7:], config), ('blobs/sha256/' + sha(layer)[7:], layer)]
    c.add(bundle([('plugdesk-bundle.json', header), ('manifest.json', manifest)] + blobs))
    c.add(bundle([('plugdesk-bundle.json', header), ('manifest.json', manifest)] + blobs[:1]))
    c.add(bundle([('plugdesk-bundle.json', header), ('manifest.json', manifest + b' ')] + blobs))
    c.add(bundle([('plugdesk-bundle.json', header), ('../evil', b'x'), ('manifest.json', manifest)]))

    # WWW-Authenticate, one header per line.
    c = Corpus('authchallenge')
    for s in c_strings('tests/unit/tst_authchallenge.cpp'):
        c.add(s)
    c.add('Bearer realm="http://127.0.0.1:40000/token",service="testregistry",scope="repository:acme/testvol:pull"')
    c.add('Basic realm="Registry Realm"\nBearer realm="https://auth.docker.io/token",service="registry.docker.io",'
          'error="insufficient_scope"')
    c.add('Bearer realm="a\\"b",  service=s, , scope="x,y"')

    # Registry JSON: selector 0..5 manifest content types, 6 token answer, 7 X-Registry-Auth.
    c = Corpus('registryjson')
    mlist = json.dumps({"schemaVersion": 2,
                        "mediaType": "application/vnd.docker.distribution.manifest.list.v2+json",
                        "manifests": [{"mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                                       "size": len(manifest), "digest": sha(manifest),
                                       "platform": {"os": "linux", "architecture": arch, **({"variant": v} if v else {})}}
                                      for arch, v in [('amd64', ''), ('arm64', 'v8'), ('arm', 'v7')]]}).encode()
    oci = manifest.replace(b'application/vnd.docker.distribution.manifest.v2+json',
                           b'application/vnd.oci.image.manifest.v1+json')
    index = mlist.replace(b'application/vnd.docker.distribution.manifest.list.v2+json',
                          b'application/vnd.oci.image.index.v1+json')
    for sel, body in [(0, manifest), (1, mlist), (2, oci), (3, index), (4, manifest), (4, mlist), (5, manifest)]:
        c.add(bytes([sel]) + body)
    for body in [{"token": "abc", "expires_in": 300, "issued_at": "2020-01-01T00:00:00Z"},
                 {"access_token": "def", "refresh_token": "r"}, {"token": ""}, {"token": "t", "expires_in": -5}]:
        c.add(b'\x06' + json.dumps(body).encode())
    for body in [{"username": "u", "password": "p", "serveraddress": "registry.example.com"},
                 {"identitytoken": "tok"}, {"auth": "dTpw"}]:
        c.add(b'\x07' + json.dumps(body).encode())

    # Volume-driver answers: byte = call | (status index << 3).
    c = Corpus('volumedriver')
    answers = [(0, {"Err": ""}), (1, {}), (2, {"Mountpoint": "/data/vols/v1", "Err": ""}), (3, {"Mountpoint": "/x"}),
               (4, {"Err": "busy"}), (5, {"Volume": {"Name": "v1", "Mountpoint": "/data/v1", "CreatedAt": "2020",
                                                      "Status": {"size": 1}}, "Err": ""}), (5, {"Volume": None}),
               (6, {"Volumes": [{"Name": "a", "Mountpoint": "/data/a"}, {"Name": "b"}], "Err": ""}),
               (7, {"Capabilities": {"Scope": "global"}}), (7, {"Capabilities": {"Scope": "LOCAL"}})]
    for call, body in answers:
        c.add(bytes([call]) + json.dumps(body).encode())
    c.add(bytes([5 | (5 << 3)]) + b'internal error')
    c.add(bytes([6 | (4 << 3)]) + b'404 page not found\n')

    # Socket proxy: selector < 128 request bytes, >= 128 a plugin answer to rewrite.
    c = Corpus('socketproxy')
    body = b'{"Name":"v1","ID":"abc"}'
    requests = [
        b'POST /VolumeDriver.Mount HTTP/1.1\r\nHost: plugin\r\nContent-Type: application/json\r\nContent-Length: %d'
        b'\r\n\r\n%s' % (len(body), body),
        b'POST /Plugin.Activate HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n',
        b'POST /VolumeDriver.List HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\n3;ext=1\r\n"b"\r\n1\r\n}'
        b'\r\n0\r\n\r\n',
        b'GET /VolumeDriver.Get HTTP/1.0\r\n\r\n',
        b'POST\r\n\r\n',
        b'POST /x HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n',
    ]
    for r in requests:
        c.add(b'\x00' + r)
    for a in [{"Mountpoint": "/data/vols/v1", "Err": ""}, {"Mountpoint": "/data/escape/etc"},
              {"Mountpoint": "/data/inside"}, {"Mountpoint": "/var/lib/x"}, {"Mountpoint": "/escape/passwd"},
              {"Volumes": [{"Name": "a", "Mountpoint": "/data/vols/v1"}, {"Name": "b", "Mountpoint": "/data/../.."}]},
              {"Volume": {"Name": "a", "Mountpoint": "/data/vols/new/deeper"}}]:
        c.add(b'\x80' + json.dumps(a).encode())
    c.add(b'\x80not json')

    c = Corpus('httpanswer')
    body = b'[{"Id":"abc","Name":"vieux/sshfs:latest","Enabled":true}]'
    answers = [
        b'HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK',
        b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' % (len(body), body),
        b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1a;x=1\r\n{"status":"Pulling","id":"a"}\r\n'
        b'0\r\nTrailer: 1\r\n\r\n',
        b'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 33\r\n\r\n'
        b'{"message":"plugin not found x"}\n',
        b'HTTP/1.1 204 No Content\r\n\r\n',
        b'HTTP/1.0 200 OK\r\n\r\nuntil close',
        b'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n',
        b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\nab',
    ]
    for a in answers:
        for piece in (0, 1, 7, 255):
            c.add(bytes([piece]) + a)


if __name__ == '__main__':
    main()
