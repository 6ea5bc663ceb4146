"""Types lines into a program on a pseudo-terminal, as a person at a terminal would, and
prints everything the program wrote to it. Used by InteractiveShell.ps1 to drive an
interactive pwsh (prompt, PSReadLine, the host's pushed runspaces), which no redirected
pwsh shows.

usage: pty-session.py TIMEOUT_SECONDS PROGRAM [ARGS...]  (lines to type on standard input)

Each line is typed once the program waits at a prompt (its output ends with '> ') and has
been quiet for a moment; the console's cursor-position queries are answered as a terminal
would. Exits with the program's exit code, or 124 when it did not end in time.
"""
import fcntl
import os
import pty
import re
import select
import struct
import sys
import termios
import time

timeout = float(sys.argv[1])
argv = sys.argv[2:]
lines = sys.stdin.read().splitlines()
deadline = time.time() + timeout
escape = re.compile(rb'\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|[=>])')

pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
# A real size: PSReadLine cannot lay out a line on a terminal of width 0.
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 200, 0, 0))

written = bytearray()


def read(seconds):
    """Reads what arrives within SECONDS; False once the program has closed the terminal."""
    ready, _, _ = select.select([fd], [], [], seconds)
    if not ready:
        return True
    try:
        data = os.read(fd, 65536)
    except OSError:
        return False
    if not data:
        return False
    written.extend(data)
    for _ in range(data.count(b'\x1b[6n')):
        os.write(fd, b'\x1b[1;1R')
    return True


def at_prompt():
    text = escape.sub(b'', bytes(written[-400:])).replace(b'\r', b'')
    return text.rstrip(b' ').endswith(b'>') and text.endswith(b' ')


open_ = True
for line in lines:
    # Wait for the prompt, then for quiet: PSReadLine draws the prompt before it reads.
    while open_ and time.time() < deadline and not at_prompt():
        open_ = read(0.2)
    quiet_since = time.time()
    while open_ and time.time() < deadline and time.time() - quiet_since < 0.5:
        before = len(written)
        open_ = read(0.1)
        if len(written) != before:
            quiet_since = time.time()
    if not open_ or time.time() >= deadline:
        break
    os.write(fd, line.encode() + b'\r')

while open_ and time.time() < deadline:
    open_ = read(0.2)

sys.stdout.write(escape.sub(b'', bytes(written)).replace(b'\r', b'').decode(errors='replace'))
sys.stdout.flush()
if time.time() >= deadline:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    sys.exit(124)
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
