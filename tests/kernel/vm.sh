# shellcheck shell=bash
# Boots the kernel-test VM and reads its verdict off the serial console. Sourced by run.sh.

# One boot runs the xunit kernel tests (25-55 s) and then pwsh with the Pester tunnel tests
# (pwsh and Pester start-up ~20 s, then the tests: ~65 s for Tunnels.Tests.ps1 alone, and the
# scenario suites add theirs). Emulated time stretches 2-3x when the shared cores are busy.
VM_TIMEOUT=${IPIPTOOLS_VM_TIMEOUT:-480}

# Kernel command line. Beyond console/quiet/panic, each option trims emulated boot time:
# one UART to probe instead of four, no PS/2 controller probing, and no speculative-execution
# mitigations (page-table isolation makes every syscall flush the emulated TLB).
VM_APPEND="console=ttyS0 quiet panic=-1 8250.nr_uarts=1 i8042.noaux i8042.nokbd i8042.nopnp mitigations=off"
[[ ${IPIPTOOLS_VM_DEBUG:-0} == 1 ]] && VM_APPEND=${VM_APPEND/ quiet/}

# Runs qemu on initrd $1; the guest's console is streamed to stdout while the markers and
# the results are written to files in $WORK_DIR. Sets VM_STATUS (124 on timeout).
run_vm() {
  local initrd=$1
  # No KVM here: TCG, one host thread per vCPU. -cpu max gives the guest SSE4.2/POPCNT
  # (x86-64-v2), which .NET 10 requires; the default qemu64 model lacks them.
  # shellcheck disable=SC2054 # the commas belong to qemu's option syntax
  local qemu=(qemu-system-x86_64 -m 2048 -smp 2 -accel tcg,thread=multi -cpu max
    -nographic -no-reboot -nic none
    -kernel "$KERNEL_IMAGE" -initrd "$initrd" -append "$VM_APPEND")
  # qboot, a minimal firmware shipped with Debian's qemu, reaches the kernel sooner than
  # SeaBIOS does (a few tenths of a second under emulation).
  if [[ -f /usr/share/qemu/qboot.rom ]]; then
    qemu+=(-bios qboot.rom)
  fi
  log "booting VM (timeout ${VM_TIMEOUT}s)"
  VM_T0=$(date +%s.%N)
  set +e
  timeout -k 5 "$VM_TIMEOUT" "${qemu[@]}" </dev/null 2>&1 | stream_guest_output
  VM_STATUS=${PIPESTATUS[0]}
  set -e
  log "VM stopped after $(since "$VM_T0")s (qemu status $VM_STATUS)"
}

since() {
  awk -v t0="$1" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - t0 }'
}

# Filters the console: each results file goes to $WORK_DIR/<name>.b64 (the unnamed one to
# results.b64), the exit marker to $WORK_DIR/guest-exit, everything else to stdout (without
# CRs and firmware escape codes).
stream_guest_output() {
  local line results="" first_test=0 first_pwsh=0 esc=$'\e'
  rm -f "$WORK_DIR"/*.b64
  : >"$WORK_DIR/results.b64"
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line//$'\r'/}
    if [[ -n $results ]]; then
      if [[ $line == *@@IPIPTOOLS-RESULTS-END@@* ]]; then results=""; else echo "$line" >>"$WORK_DIR/$results.b64"; fi
      continue
    fi
    case $line in
      *@@IPIPTOOLS-RESULTS-BEGIN*@@*)
        results=${line#*@@IPIPTOOLS-RESULTS-BEGIN}
        results=${results%%@@*}
        results=${results# }
        results=${results:-results}
        : >"$WORK_DIR/$results.b64"
        continue ;;
      *@@IPIPTOOLS-EXIT\ *@@*)
        line=${line#*@@IPIPTOOLS-EXIT }
        echo "${line%%@@*}" >"$WORK_DIR/guest-exit"
        continue ;;
      *"$esc"*) line=$(sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\x1bc//g' <<<"$line") ;;
    esac
    if ((!first_test)) && [[ $line == *"Starting:"* ]]; then
      first_test=1
      log "boot to first test: $(since "$VM_T0")s"
    fi
    if ((!first_pwsh)) && [[ $line == "pwsh: "* ]]; then
      first_pwsh=1
      log "boot to pwsh's first line: $(since "$VM_T0")s"
    fi
    [[ -n $line ]] && echo "$line"
  done
}

# Decodes the guest's results file named $1 (default: the unnamed one) into
# $WORK_DIR/<name>.json, or into file $2; false when there is none.
decode_guest_results() {
  local name=${1:-results} out=${2:-$WORK_DIR/${1:-results}.json}
  [[ -s $WORK_DIR/$name.b64 ]] || return 1
  base64 -d "$WORK_DIR/$name.b64" | gzip -dc >"$out" 2>/dev/null
}
