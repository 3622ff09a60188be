"""pyx12 4.0.0's x12n_document for a call that asks for its verdict alone (the gate's call): the same steps for
every segment, in the same order, with the segment's id read once.

x12n_document picks a segment's steps through two chains of comparisons with `seg.get_seg_id()` (ISA or GS
before the walk, seven envelope ids after it): with the error handler's own read, ten calls a segment, and it
reads the reader's counts and LS id through getters twice, and hands the error handler the reader's and the
walker's errors even when there are none. Once the walk, the reader and validation were patched, that loop
was an eighth of the gate's profile. Here an ordinary segment (every id but the envelope's and BHT) is walked,
added to the error handler and validated as there; the envelope's segments and BHT take x12n_document's own
steps (`_Envelope`). What is skipped is only what cannot change anything: a getter's call where its attribute
is read (the reader is pyx12's X12Reader, built here), the LS id's lookup but after a segment whose reading
opens or closes one of the reader's loops (its `loops` change nowhere else), and handing over an empty list of
errors (handling none does nothing; popping an empty list leaves an empty list).

The 997/999, HTML, XML and JSON outputs and the callback are not written here: a call that asks for any of
them goes to x12n_document itself (`pyx12_segment_speedups`).
"""
import functools
import logging

import pyx12.error_handler
import pyx12.errors
import pyx12.map_if
import pyx12.map_index
import pyx12.x12file
from pyx12.map_if import segment_if
from pyx12.map_if._segment import apply_segment_errors
from pyx12.map_walker import apply_walk_errors, walk_tree

_ISA_LOOP, _ISA = "/ISA_LOOP", "/ISA_LOOP/ISA"
_GS_LOOP, _GS = "/ISA_LOOP/GS_LOOP", "/ISA_LOOP/GS_LOOP/GS"
_BHT = "/ISA_LOOP/GS_LOOP/ST_LOOP/HEADER/BHT"
_MAP_BY_BHT02 = ("004010X094", "004010X094A1")  # the 4010 837s whose map BHT02 picks
_MOVES_THE_READERS_LOOPS = frozenset({"ISA", "IEA", "GS", "GE", "ST", "SE"})  # X12Reader._parse_segment's ids


def verdict_only_document(param, src_file, map_path=None) -> bool:
    """x12n_document(param, src_file, None, None, map_path=map_path): whether the file is valid, its errors
    logged to the `pyx12` logger as there."""
    logger = logging.getLogger("pyx12")
    errh = pyx12.error_handler.err_handler()
    try:
        src = pyx12.x12file.X12Reader(src_file)
    except pyx12.errors.X12Error:
        logger.error('"%s" does not look like an X12 data file' % src_file)
        return False
    valid = _Envelope(param, map_path, src, errh, logger).read_every_segment()
    src.cleanup()  # loop trailers the file never closed
    errh.handle_errors(src.pop_errors())
    src.close()
    try:
        return not (not valid or errh.get_error_count() > 0)
    except Exception:
        print(errh)  # as x12n_document answers an error tree it cannot count
        return False


class _Envelope:
    """One document's walk: the maps in use and the envelope's values that choose them, and the steps of the
    envelope's segments (ISA, GS, ST, BHT, SE, GE, IEA), x12n_document's own."""

    def __init__(self, param, map_path, src, errh, logger) -> None:
        self.param, self.map_path, self.src, self.errh, self.logger = param, map_path, src, errh, logger
        self.map_file = "x12.control.00501.xml" if src.icvn == "00501" else "x12.control.00401.xml"
        logger.debug("X12 control file: %s" % (self.map_file,))
        self.control_map = pyx12.map_if.load_map_file(self.map_file, param, map_path)
        self.map_index = pyx12.map_index.map_index(map_path)
        self.cur_map = self.icvn = self.fic = self.vriic = None
        self.steps = {"ISA": self.isa, "GS": self.gs, "ST": self.st, "BHT": self.bht,
                      "IEA": functools.partial(self.close, errh.close_isa_loop),
                      "GE": functools.partial(self.close, errh.close_gs_loop),
                      "SE": functools.partial(self.close, errh.close_st_loop)}

    def read_every_segment(self) -> bool:
        """Each segment walked to its map node (ISA and GS set there), added to the error handler and validated;
        a segment the walk finds no node for is only walked. Whether every validation passed."""
        src, errh, walker, steps = self.src, self.errh, walk_tree(), self.steps
        node = self.control_map.getnodebypath(_ISA)
        valid, ls_id = True, src.get_ls_id()
        for seg in src:
            seg_id = seg.seg_id
            if seg_id in _MOVES_THE_READERS_LOOPS:
                ls_id = src.get_ls_id()
            if seg_id == "ISA":
                found = self.control_map.getnodebypath(_ISA)
                walker.forceWalkCounterToLoopStart(_ISA_LOOP, _ISA)
            elif seg_id == "GS":
                found = self.control_map.getnodebypath(_GS)
                walker.forceWalkCounterToLoopStart(_GS_LOOP, _GS)
            else:
                try:
                    found, _, _, walk_errors = walker.walk_errors(node, seg, src.seg_count, src.cur_line, ls_id)
                except pyx12.errors.EngineError:
                    self.logger.error("Source file line %i" % (src.cur_line,))
                    raise
                if walk_errors:
                    apply_walk_errors(errh, walk_errors)
            if found is None:
                continue
            step = steps.get(seg_id)
            if step is None:
                errh.add_seg(found, seg, src.seg_count, src.cur_line, ls_id)
                if src.err_list:
                    errh.handle_errors(src.pop_errors())
                node = found
            else:
                node = step(found, seg)
            assert isinstance(node, segment_if)
            valid &= apply_segment_errors(node, seg, errh)
        return valid

    def isa(self, node, seg):
        self.errh.add_isa_loop(seg, self.src)
        self.icvn = seg.get_value("ISA12")
        self.errh.handle_errors(self.src.pop_errors())
        return node

    def gs(self, node, seg):
        self.fic, self.vriic = seg.get_value("GS01"), seg.get_value("GS08")
        self._use_map(self.map_index.get_filename(self.icvn, self.vriic, self.fic),
                      f"icvn={self.icvn}, fic={self.fic}, vriic={self.vriic}")
        node = self.cur_map.getnodebypath(_GS)
        self.errh.add_gs_loop(seg, self.src)
        self.errh.handle_errors(self.src.pop_errors())
        return node

    def st(self, node, seg):
        self.errh.add_st_loop(seg, self.src)
        self.errh.handle_errors(self.src.pop_errors())
        return node

    def close(self, close_loop, node, seg):
        """IEA, GE, SE: the reader's errors handed over, then the error handler's loop closed."""
        self.errh.handle_errors(self.src.pop_errors())
        close_loop(node, seg, self.src)
        return node

    def bht(self, node, seg):
        if self.vriic in _MAP_BY_BHT02:
            tspc = seg.get_value("BHT02")
            self.logger.debug("icvn=%s, fic=%s, vriic=%s, tspc=%s" % (self.icvn, self.fic, self.vriic, tspc))
            map_file = self.map_index.get_filename(self.icvn, self.vriic, self.fic, tspc)
            self.logger.debug("New map file: %s" % (map_file,))
            if self._use_map(map_file, f"icvn={self.icvn}, fic={self.fic}, vriic={self.vriic}, tspc={tspc}"):
                node = self.cur_map.getnodebypath(_BHT)
        src = self.src
        self.errh.add_seg(node, seg, src.seg_count, src.cur_line, src.get_ls_id())
        self.errh.handle_errors(src.pop_errors())
        return node

    def _use_map(self, map_file, named_by: str) -> bool:
        """Load the transaction's map when the envelope names another; whether it did. No map: EngineError."""
        if map_file == self.map_file:
            return False
        if map_file is None:
            raise pyx12.errors.EngineError(f"Map not found.  {named_by}")
        self.map_file = map_file
        self.cur_map = pyx12.map_if.load_map_file(map_file, self.param, self.map_path)
        self.src.check_837_lx = self.cur_map.id == "837"
        self.logger.debug("Map file: %s" % (map_file,))
        return True
