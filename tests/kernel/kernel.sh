# shellcheck shell=bash
# Fetches and unpacks the Debian cloud kernel the VM boots. Sourced by run.sh.
#
# The kernel .deb is fetched with `apt-get download` (never installed) and unpacked with
# `dpkg-deb -x` into $CACHE/kernel/<release>/, reused by later runs. The .deb carries no
# modules.dep (its postinst runs depmod), so busybox's depmod makes one in the cache.
#
# Sets: KERNEL_RELEASE, KERNEL_DIR, KERNEL_IMAGE, KERNEL_CONFIG, KERNEL_MODULES_DIR.

KERNEL_META_PACKAGE=linux-image-cloud-amd64

# The concrete package behind the meta package, e.g. linux-image-6.1.0-56-cloud-amd64.
# Prints nothing (and succeeds) when apt does not know the package.
resolve_kernel_package() {
  { apt-cache depends "$KERNEL_META_PACKAGE" 2>/dev/null || true; } |
    awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9]/ { print $2; exit }'
}

candidate_version() {
  { apt-cache policy "$1" 2>/dev/null || true; } |
    awk '$1 == "Candidate:" && $2 != "(none)" { print $2; exit }'
}

# The newest kernel already unpacked in the cache, for runs where apt cannot answer.
newest_cached_release() {
  find "$CACHE/kernel" -mindepth 2 -maxdepth 2 -name .complete -printf '%h\n' 2>/dev/null |
    xargs -r -n1 basename | sort -V | tail -n1
}

# Downloads and unpacks package $1 at version $2 into $3 (replaced atomically).
unpack_kernel_package() {
  local pkg=$1 version=$2 dest=$3 tmp
  tmp=$(mktemp -d "$CACHE/kernel/.fetch.XXXXXX")
  # apt drops privileges to _apt for the download; a directory it can write avoids a warning.
  chmod 0777 "$tmp"
  log "downloading $pkg $version"
  if ! (cd "$tmp" && apt-get download -qq "$pkg=$version" >/dev/null 2>&1); then
    rm -rf "$tmp"
    return 1
  fi
  mkdir "$tmp/root"
  dpkg-deb -x "$tmp"/*.deb "$tmp/root"
  local release=${pkg#linux-image-}
  /bin/busybox depmod -b "$tmp/root" "$release"
  echo "$version" >"$tmp/root/.deb-version"
  touch "$tmp/root/.complete"
  rm -rf "$dest"
  mv "$tmp/root" "$dest"
  rm -rf "$tmp"
}

fetch_kernel() {
  mkdir -p "$CACHE/kernel"
  local pkg version release
  pkg=$(resolve_kernel_package)
  if [[ -z $pkg ]]; then
    apt_update_once
    pkg=$(resolve_kernel_package)
  fi
  version=${pkg:+$(candidate_version "$pkg")}

  if [[ -n $pkg && -n $version ]]; then
    release=${pkg#linux-image-}
    local dir="$CACHE/kernel/$release"
    if [[ ! -f $dir/.complete || "$(cat "$dir/.deb-version")" != "$version" ]]; then
      unpack_kernel_package "$pkg" "$version" "$dir" || release=""
    fi
  fi
  if [[ -z ${release:-} ]]; then
    release=$(newest_cached_release)
    [[ -n $release ]] || unavailable "cannot fetch the Debian package $KERNEL_META_PACKAGE"
    log "apt cannot provide the kernel; using the cached $release"
  fi

  # shellcheck disable=SC2034 # read by initramfs.sh
  KERNEL_RELEASE=$release
  KERNEL_DIR="$CACHE/kernel/$release"
  KERNEL_IMAGE="$KERNEL_DIR/boot/vmlinuz-$release"
  KERNEL_CONFIG="$KERNEL_DIR/boot/config-$release"
  KERNEL_MODULES_DIR="$KERNEL_DIR/lib/modules/$release"
  [[ -f $KERNEL_IMAGE && -f $KERNEL_MODULES_DIR/modules.dep ]] ||
    unavailable "kernel cache $KERNEL_DIR is incomplete"
  log "kernel $release ($(cat "$KERNEL_DIR/.deb-version"))"
}

# True when the kernel's config can unpack an initramfs compressed with $1.
kernel_supports_compression() {
  local option
  case $1 in
    none) return 0 ;;
    gzip) option=CONFIG_RD_GZIP ;;
    lz4) option=CONFIG_RD_LZ4 ;;
    zstd) option=CONFIG_RD_ZSTD ;;
    *) return 1 ;;
  esac
  grep -qx "$option=y" "$KERNEL_CONFIG"
}
