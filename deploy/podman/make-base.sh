#!/usr/bin/env bash
# Makes the base images `make images` builds on, on a machine that reaches Debian's package
# mirror but no container registry: a Debian minbase made by debootstrap (its default mirror),
# with this machine's Python 3.10 (Rasa 3.6 needs 3.10; Debian 12 has 3.11) copied in, imported
# with `podman import`; and a node image (Debian's nodejs and npm) for the web app's front end.
# Usage: PYTHON310=/path/to/python3.10 deploy/podman/make-base.sh BASE_TAG NODE_TAG
# (as root; needs debootstrap, podman and buildah; `make images` passes the Makefile's PYTHON310)
set -euo pipefail
base_tag=${1:?base image tag}
node_tag=${2:?node image tag}
python_home=$("${PYTHON310:?the Python 3.10 to copy in}" -c 'import sys; print(sys.base_prefix)')
rootfs=$(mktemp -d)
trap 'rm -rf "$rootfs"' EXIT

# the shared libraries CPython's own modules load (ssl, ctypes, sqlite3, bz2, lzma, readline)
debootstrap --variant=minbase \
  --include=ca-certificates,libssl3,libffi8,libsqlite3-0,libbz2-1.0,liblzma5,libreadline8,libncursesw6,zlib1g \
  bookworm "$rootfs" >/dev/null
cp -a "$python_home" "$rootfs/usr/local/python3.10"
# pyenv's python3.10 links libpython from its own lib/: tell the loader where that is now
echo /usr/local/python3.10/lib > "$rootfs/etc/ld.so.conf.d/python3.10.conf"
chroot "$rootfs" ldconfig
ln -s /usr/local/python3.10/bin/python3.10 "$rootfs/usr/local/bin/python3.10"
chroot "$rootfs" python3.10 -c "import ssl, ctypes, sqlite3, bz2, lzma"
rm -rf "$rootfs/var/cache/apt/archives"/*.deb "$rootfs/var/lib/apt/lists"/*
tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - "$base_tag"

container=$(buildah from "$base_tag")
buildah run --isolation chroot "$container" -- sh -c \
  'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null && rm -rf /var/lib/apt/lists/*'
buildah commit --quiet --rm "$container" "$node_tag"
