# shellcheck shell=bash
# Builds the VM's initramfs in two parts. Sourced by run.sh.
#
#  - The base archive (busybox, kernel modules, the .NET runtime, iproute2/ping/tcpdump, their
#    libraries and /etc files) is slow to build, so it is cached in $CACHE/initramfs under a
#    hash of everything that goes into it.
#  - The tests archive (/init, guest-setup.sh and the test output) is small and made on every
#    run.
#
# The kernel unpacks concatenated cpio archives in order, so the VM gets
# `tests.cpio + base.cpio[.lz4]`. The uncompressed tests archive goes first: the kernel then
# never has to find where a compressed stream ends before reading another archive.

HARNESS_DIR=${HARNESS_DIR:?}

# Modules the tests may need, by name; their dependencies are added from modules.dep.
# dummy gives tests an underlay device without a veth peer. A vti tunnel carries traffic only
# through IPsec: xfrm_user lets IpipTools (and ip) set states and policies, esp4 is ESP itself, and
# authenc is the template ESP builds its transform from, authenc(hmac(sha256),ecb(cipher_null))
# for the tests' null cipher. The rest is built into Debian's cloud kernel (crypto_null, hmac,
# sha256_generic, cryptomgr), and a null cipher needs no IV generator (echainiv, seqiv). The
# guest has no /sbin/modprobe for the kernel to load a template on demand: without authenc,
# a state fails with "Kernel was unable to initialize cryptographic operations". The IPsec
# tests also use the algorithms people use: AES-GCM (rfc4106(gcm(aes)): gcm, ghash_generic,
# ctr, and seqiv, its IV generator) and cbc(aes) with hmac(sha256) (echainiv, its IV generator).
# Both IV generators seed from the kernel's default RNG, stdrng, which drbg provides: without
# it a state fails with ENOENT ("unable to initialize cryptographic operations").
VM_MODULES=${IPIPTOOLS_VM_MODULES:-ipip ip_gre sit ip6_tunnel ip_vti fou veth bridge dummy xfrm_user esp4 authenc gcm ghash_generic ctr seqiv echainiv drbg}

# Host programs copied into the guest at the same path, with every library ldd lists
# (bridge: the tests' oracle of FDB entries, in their before-and-after snapshots).
VM_TOOLS=(/usr/sbin/ip /usr/sbin/bridge /usr/bin/ping /usr/bin/tcpdump)

# Libraries the runtime dlopens rather than links, so ldd cannot see them. OpenSSL backs
# System.Security.Cryptography, which xunit itself uses (SHA-256 test IDs): without it the
# test executable aborts with "No usable version of libssl was found".
DOTNET_DLOPEN_LIBS=(libssl.so.3)

# Runtime files a console test never loads: the debugger and diagnostics back ends, the LTTng
# tracing provider (its absence also spares a dlopen at start-up), the standalone GCs and the
# crash dumper. ~9 MB less RAM disk.
DOTNET_STRIP=(createdump libmscordaccore.so libmscordbi.so libcoreclrtraceptprovider.so
  libclrgc.so libclrgcexp.so)

# Initramfs compression: none, gzip, lz4 or zstd (see the measurements in run.sh).
INITRD_COMPRESSION=${IPIPTOOLS_INITRD_COMPRESSION:-none}

GUEST_DOTNET_ROOT=/usr/share/dotnet

# --- kernel modules -------------------------------------------------------------------------

declare -A MODULE_DEPS=() MODULE_BY_NAME=() MODULE_VISITED=()
MODULE_ORDER=()

# Reads modules.dep: "kernel/net/ipv4/ipip.ko: kernel/net/ipv4/tunnel4.ko ...".
read_modules_dep() {
  local key deps name
  while IFS=: read -r key deps; do
    MODULE_DEPS[$key]=$deps
    name=${key##*/}
    name=${name%.ko}
    MODULE_BY_NAME[${name//-/_}]=$key
  done <"$KERNEL_MODULES_DIR/modules.dep"
}

# Depth-first: every module comes after all it depends on, whatever order modules.dep uses.
visit_module() {
  local path=$1 dep
  [[ -n ${MODULE_VISITED[$path]:-} ]] && return 0
  MODULE_VISITED[$path]=1
  for dep in ${MODULE_DEPS[$path]-}; do
    visit_module "$dep"
  done
  MODULE_ORDER+=("$path")
}

# Fills MODULE_ORDER with the .ko paths (relative to the modules dir) in load order.
resolve_module_order() {
  read_modules_dep
  local name path
  for name in $VM_MODULES; do
    path=${MODULE_BY_NAME[${name//-/_}]:-}
    if [[ -z $path ]]; then
      # Built into the kernel needs no loading; absent altogether is a broken environment.
      grep -q "/${name}.ko\$" "$KERNEL_MODULES_DIR/modules.builtin" 2>/dev/null && continue
      unavailable "kernel $KERNEL_RELEASE has no module $name"
    fi
    visit_module "$path"
  done
}

stage_modules() {
  local stage=$1 path dest="$1/usr/lib/modules/$KERNEL_RELEASE"
  mkdir -p "$stage/etc/ipiptools"
  : >"$stage/etc/ipiptools/modules"
  for path in "${MODULE_ORDER[@]}"; do
    install -D -m 0644 "$KERNEL_MODULES_DIR/$path" "$dest/$path"
    echo "/lib/modules/$KERNEL_RELEASE/$path" >>"$stage/etc/ipiptools/modules"
  done
}

# --- programs and libraries -----------------------------------------------------------------

# The guest keeps Debian's merged /usr for libraries: /lib -> usr/lib, /lib64 -> usr/lib64.
usr_path() {
  case $1 in
    /lib/* | /lib64/*) echo "/usr$1" ;;
    *) echo "$1" ;;
  esac
}

# Copies file $2 (following symlinks) into stage $1 at its merged-/usr path.
stage_file() {
  local dest
  dest="$1$(usr_path "$2")"
  [[ -e $dest ]] && return 0
  install -D -m "$(stat -Lc %a "$2")" "$2" "$dest"
}

# Copies each given ELF file's shared libraries (as ldd resolves them on the host).
stage_libraries() {
  local stage=$1 lib
  shift
  while read -r lib; do
    stage_file "$stage" "$lib"
  done < <(ldd "$@" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $1 !~ /:$/ { print $1 }' | sort -u)
}

stage_tools() {
  local stage=$1 tool
  for tool in "${VM_TOOLS[@]}"; do
    [[ -x $tool ]] || unavailable "host tool $tool is missing"
    stage_file "$stage" "$tool"
  done
  stage_libraries "$stage" "${VM_TOOLS[@]}"
}

stage_busybox() {
  local stage=$1 applet
  install -D -m 0755 /bin/busybox "$stage/bin/busybox"
  # Applet links in /bin only: PATH puts /usr/sbin and /usr/bin first, so the real ip, ping
  # and tcpdump win for anything that searches PATH (busybox's own shell does not).
  for applet in $(/bin/busybox --list); do
    [[ -e $stage/bin/$applet ]] || ln -s busybox "$stage/bin/$applet"
  done
}

# --- .NET runtime ---------------------------------------------------------------------------

# The highest version-named entry of directory $1 (entries matching $2, default all).
newest_version_in() {
  find "$1" -mindepth 1 -maxdepth 1 -name "${2:-*}" -printf '%f\n' | sort -V | tail -n1
}

# The host's dotnet root, e.g. /usr/share/dotnet.
host_dotnet_root() {
  dirname "$(readlink -f "$(command -v dotnet)")"
}

# The runtime the tests roll forward to: the newest installed Microsoft.NETCore.App with the
# major version the test's runtimeconfig.json asks for.
dotnet_runtime_version() {
  local runtimeconfig=$1 major
  major=$(sed -n 's/.*"version": *"\([0-9]*\)\..*/\1/p' "$runtimeconfig" | head -n1)
  [[ -n $major ]] || return 0
  newest_version_in "$(host_dotnet_root)/shared/Microsoft.NETCore.App" "${major}.*"
}

stage_dotnet() {
  local stage=$1 version=$2 root fxr
  root=$(host_dotnet_root)
  fxr=$(newest_version_in "$root/host/fxr")
  local dest="$stage$GUEST_DOTNET_ROOT"
  install -D -m 0755 "$root/dotnet" "$dest/dotnet"
  mkdir -p "$dest/host/fxr" "$dest/shared/Microsoft.NETCore.App"
  cp -a "$root/host/fxr/$fxr" "$dest/host/fxr/"
  cp -a "$root/shared/Microsoft.NETCore.App/$version" "$dest/shared/Microsoft.NETCore.App/"
  local f
  for f in "${DOTNET_STRIP[@]}"; do
    rm -f "$dest/shared/Microsoft.NETCore.App/$version/$f"
  done
  mkdir -p "$stage/usr/bin"
  ln -s "../share/dotnet/dotnet" "$stage/usr/bin/dotnet"
  local lib libs=()
  for lib in "${DOTNET_DLOPEN_LIBS[@]}"; do
    libs+=("$(library_path "$lib")") || unavailable "the host has no $lib for the .NET runtime"
    stage_file "$stage" "${libs[-1]}"
  done
  stage_libraries "$stage" "$dest/dotnet" "$dest/host/fxr/$fxr"/*.so \
    "$dest/shared/Microsoft.NETCore.App/$version"/*.so "${libs[@]}"
}

# Where the host's dynamic loader finds library $1 (e.g. libssl.so.3).
library_path() {
  local path
  # No early exit in awk: ldconfig must not die of SIGPIPE under pipefail.
  path=$(ldconfig -p | awk -v lib="$1" '$1 == lib && /x86-64/ && !found++ { print $NF }')
  [[ -n $path ]] && echo "$path"
}

# --- /etc and the skeleton ------------------------------------------------------------------

stage_skeleton() {
  local stage=$1
  mkdir -p "$stage"/{proc,sys,dev,run,tmp,root,sbin,usr/sbin,usr/lib,usr/lib64,var,etc}
  chmod 1777 "$stage/tmp"
  # The kernel opens /dev/console for /init before anything mounts devtmpfs over /dev.
  mknod -m 0600 "$stage/dev/console" c 5 1
  mknod -m 0666 "$stage/dev/null" c 1 3
  ln -s usr/lib "$stage/lib"
  ln -s usr/lib64 "$stage/lib64"
  # Older iproute2 keeps namespaces in /var/run/netns.
  ln -s ../run "$stage/var/run"
  # No account database beyond root: tcpdump is run with -Z root.
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' \
    >"$stage/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$stage/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files\nprotocols: files\nservices: files\n' \
    >"$stage/etc/nsswitch.conf"
  printf '127.0.0.1 localhost\n::1 localhost\n' >"$stage/etc/hosts"
  local f
  for f in /etc/protocols /etc/services; do
    [[ -f $f ]] && cp "$f" "$stage$f"
  done
  # iproute2's tables (rt_tables, rt_protos, ...); newer releases keep defaults under /usr.
  for f in /etc/iproute2 /usr/share/iproute2 /usr/lib/iproute2; do
    [[ -d $f ]] && mkdir -p "$stage$(dirname "$f")" && cp -a "$f" "$stage$f"
  done
  return 0
}

# --- archives -------------------------------------------------------------------------------

# Writes a newc cpio of directory $1 to stdout, owned by root, in a stable order.
cpio_of() {
  (cd "$1" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet)
}

compressor() {
  case $INITRD_COMPRESSION in
    none) cat ;;
    gzip) gzip -n -6 ;;
    # The kernel reads only lz4's legacy frame format.
    lz4) lz4 -l -9 -q ;;
    zstd) zstd -q -T0 -19 ;;
    *) die "unknown IPIPTOOLS_INITRD_COMPRESSION=$INITRD_COMPRESSION" ;;
  esac
}

# Everything that decides the base archive's content, one fact a line.
base_fingerprint() {
  local root version=$1 f
  root=$(host_dotnet_root)
  echo "kernel $KERNEL_RELEASE $(cat "$KERNEL_DIR/.deb-version")"
  echo "modules ${MODULE_ORDER[*]}"
  echo "dotnet $version $(newest_version_in "$root/host/fxr") strip ${DOTNET_STRIP[*]}"
  echo "compression $INITRD_COMPRESSION"
  for f in /bin/busybox "${VM_TOOLS[@]}"; do
    echo "$f $(stat -Lc '%s %Y' "$f")"
  done
  # The builder itself: a change to how the base is made must rebuild it.
  cat "$HARNESS_DIR/initramfs.sh"
}

# Sets BASE_ARCHIVE to the cached base archive, building it when its inputs changed.
ensure_base_archive() {
  local runtimeconfig=$1 version key dir
  version=$(dotnet_runtime_version "$runtimeconfig")
  [[ -n $version ]] || unavailable "no Microsoft.NETCore.App runtime matches $runtimeconfig"
  resolve_module_order
  GUEST_RUNTIME_VERSION=$version
  key=$(base_fingerprint "$version" | short_hash)
  dir="$CACHE/initramfs"
  BASE_ARCHIVE="$dir/base-$KERNEL_RELEASE-$key.cpio.$INITRD_COMPRESSION"
  if [[ -f $BASE_ARCHIVE ]]; then
    log "base initramfs cached ($(du -h "$BASE_ARCHIVE" | cut -f1), key $key)"
    return 0
  fi
  log "building base initramfs (runtime $version, modules: $(module_names))"
  mkdir -p "$dir"
  # Left behind by a run that was killed mid-build (the cache lock makes them safe to drop).
  rm -rf "$dir"/.stage.* "$dir"/*.tmp
  local stage
  stage=$(mktemp -d "$dir/.stage.XXXXXX")
  stage_skeleton "$stage"
  stage_busybox "$stage"
  stage_modules "$stage"
  stage_tools "$stage"
  stage_dotnet "$stage" "$version"
  log "base staged: $(du -sh "$stage" | cut -f1) unpacked"
  cpio_of "$stage" | compressor >"$BASE_ARCHIVE.tmp"
  rm -rf "$stage"
  # Only the newest base is worth keeping: each is about 100 MB.
  find "$dir" -maxdepth 1 -name 'base-*' ! -name '*.tmp' -delete
  mv "$BASE_ARCHIVE.tmp" "$BASE_ARCHIVE"
  log "base initramfs built ($(du -h "$BASE_ARCHIVE" | cut -f1), $INITRD_COMPRESSION)"
}

module_names() {
  local p names=()
  for p in "${MODULE_ORDER[@]}"; do names+=("$(basename "$p" .ko)"); done
  echo "${names[*]}"
}

# The guest's /init: script $2 into per-run stage $1, with the set-up it sources
# (guest-setup.sh, at the path every /init sources it from). This is the hook for what the
# guest runs: the kernel tests stage guest-init.sh; bench/kernel/run.sh stages its own.
stage_guest_init() {
  install -m 0755 "$2" "$1/init"
  install -D -m 0644 "$HARNESS_DIR/guest-setup.sh" "$1/usr/lib/ipiptools/guest-setup.sh"
}

# Writes the per-run archive to $1: /init, the test output under /tests (precompiled, see
# r2r.sh), the extra xunit arguments one a line in /tests/.xunit-args (no quoting through the
# kernel cmdline), and, when prepare_guest_pester found them, pwsh, Pester, the module and
# tests/Pester (powershell.sh).
build_tests_archive() {
  local out=$1 test_dir=$2 stage
  shift 2
  stage=$(mktemp -d "$WORK_DIR/tests-stage.XXXXXX")
  stage_guest_init "$stage" "$HARNESS_DIR/guest-init.sh"
  mkdir -p "$stage/tests"
  # Symbols stay: they give failure stack traces their line numbers.
  cp -a "$test_dir/." "$stage/tests/"
  precompile_tests "$stage/tests" "$GUEST_RUNTIME_VERSION"
  local arg
  : >"$stage/tests/.xunit-args"
  for arg in "$@"; do printf '%s\n' "$arg" >>"$stage/tests/.xunit-args"; done
  if ((${GUEST_PESTER:-0})); then stage_guest_pester "$stage"; fi
  cpio_of "$stage" >"$out"
  rm -rf "$stage"
}
