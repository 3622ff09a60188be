"""Patch layers for the libraries behind the claims service's X12 gates (pyx12 for the 837P, x12sdk for the
270 and 276): each makes its library cheaper without changing a verdict, and is installed once per process,
only on the library version it was checked against."""
import logging
import threading
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)


class PatchLayer:
    """A library's speedups: `apply()` installs them once (idempotent, thread safe) and says whether they are in
    place. Any other version of the library runs unpatched (slower, same verdicts) and says so in the log."""

    def __init__(self, library: str, supported: str, installed: Callable[[], str],
                 patches: Sequence[Callable[[], None]]):
        self.library, self.supported = library, supported
        self._installed, self._patches = installed, patches
        self._lock = threading.Lock()
        self.applied: bool | None = None  # None: not tried yet; then whether the patches are in place

    def apply(self) -> bool:
        with self._lock:
            if self.applied is None:
                version = self._installed()
                self.applied = version == self.supported
                if self.applied:
                    for patch in self._patches:
                        patch()
                else:
                    log.warning("%s %s is not the version these speedups were checked against (%s): "
                                "running it unpatched", self.library, version, self.supported)
            return self.applied
