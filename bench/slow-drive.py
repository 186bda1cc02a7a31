# For `npm run bench` (section "read"): a folder shown again, read-only, through FUSE, waiting
# DELAY seconds on every open, stat and read, as a network drive does. Needs fusepy (Debian:
# python3-fusepy) and /dev/fuse.
#   python3 bench/slow-drive.py <folder> <mount point>
import os
import sys
import time

from fusepy import FUSE, FuseOSError, Operations

DELAY = float(os.environ.get('DELAY', '0.0005'))


class SlowDrive(Operations):
    def __init__(self, root):
        self.root = root

    def _path(self, path):
        return os.path.join(self.root, path.lstrip('/'))

    def getattr(self, path, fh=None):
        time.sleep(DELAY)
        try:
            st = os.lstat(self._path(path))
        except OSError as e:
            raise FuseOSError(e.errno)
        return {k: getattr(st, k) for k in ('st_atime', 'st_ctime', 'st_gid', 'st_mode', 'st_mtime', 'st_nlink', 'st_size', 'st_uid')}

    def readdir(self, path, fh):
        # With each entry's type, as network drives give it (NFS, SMB), so listing a folder
        # costs no stat per file.
        folder = self._path(path)
        yield '.'
        yield '..'
        for e in os.scandir(folder):
            yield e.name, {'st_mode': e.stat(follow_symlinks=False).st_mode}, 0

    def readlink(self, path):
        return os.readlink(self._path(path))

    def open(self, path, flags):
        time.sleep(DELAY)
        return os.open(self._path(path), flags & ~os.O_NONBLOCK)

    def read(self, path, size, offset, fh):
        time.sleep(DELAY)
        os.lseek(fh, offset, os.SEEK_SET)
        return os.read(fh, size)

    def release(self, path, fh):
        return os.close(fh)

    def statfs(self, path):
        st = os.statvfs(self._path(path))
        return {k: getattr(st, k) for k in ('f_bavail', 'f_bfree', 'f_blocks', 'f_bsize', 'f_favail', 'f_ffree', 'f_files', 'f_flag', 'f_frsize', 'f_namemax')}


if __name__ == '__main__':
    FUSE(SlowDrive(sys.argv[1]), sys.argv[2], foreground=True, nothreads=False, ro=True, direct_io=True)
