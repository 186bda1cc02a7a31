"""Runs a command with its stdout a full, non-blocking pipe (test/e2e/start.test.ts).

Node cannot make such a pipe. Its write end is non-blocking and full when the command starts,
and stays full for a while, so the command's first write fails with EAGAIN; then everything is
read. Prints "<bytes filled> <exit code>\\n", the command's stderr, a NUL, and all that was read
from the pipe (the filling first).
"""
import os
import subprocess
import sys
import time

r, w = os.pipe()
os.set_blocking(w, False)
filled = 0
try:
    while True:
        filled += os.write(w, b"x" * 4096)
except BlockingIOError:
    pass
try:
    while True:
        filled += os.write(w, b"x")
except BlockingIOError:
    pass
p = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)
os.close(w)
# Time for the command to start and meet the full pipe before anything is read from it.
time.sleep(0.8)
data = b""
while True:
    chunk = os.read(r, 65536)
    if not chunk:
        break
    data += chunk
err = p.stderr.read()
p.wait()
sys.stdout.buffer.write(b"%d %d\n" % (filled, p.returncode) + err + b"\0" + data)
