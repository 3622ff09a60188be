"""The simulator's memory in SQLite: members' deductibles, services seen, pending deliveries, and what
became of each claim (for 276 status inquiries).

Pending deliveries survive a restart, so a 277CA or an 835 owed is never forgotten.
"""
import contextlib
import json
import sqlite3
import time
from decimal import Decimal
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS member (mailbox TEXT, member_id TEXT, deductible_left TEXT, PRIMARY KEY (mailbox, member_id));
CREATE TABLE IF NOT EXISTS service (mailbox TEXT, member_id TEXT, service_date TEXT, code TEXT,
                                    PRIMARY KEY (mailbox, member_id, service_date, code));
CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER);
CREATE TABLE IF NOT EXISTS delivery (id INTEGER PRIMARY KEY, url TEXT, mailbox TEXT, body TEXT, due REAL,
                                     attempts INTEGER DEFAULT 0, done INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS submission (control TEXT, mailbox TEXT, summary TEXT, PRIMARY KEY (control, mailbox));
CREATE TABLE IF NOT EXISTS claim_record (mailbox TEXT, pcn TEXT, outcome TEXT, charge TEXT, paid TEXT,
                                         payer_claim_number TEXT, adjudicated_on TEXT, remit_trace TEXT,
                                         adjustments TEXT, PRIMARY KEY (mailbox, pcn));
CREATE TABLE IF NOT EXISTS interchange_ack (mailbox TEXT, isa13 TEXT, ack TEXT, PRIMARY KEY (mailbox, isa13));
"""
CLAIM_COLUMNS = ("outcome", "charge", "paid", "payer_claim_number", "adjudicated_on", "remit_trace", "adjustments")


class SimState:
    def __init__(self, path: str):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(SCHEMA)
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(claim_record)")}
        if "adjustments" not in columns:  # a memory written before claims kept their adjustments for a reversal
            self.db.execute("ALTER TABLE claim_record ADD COLUMN adjustments TEXT")

    def next_number(self, name: str) -> int:
        self.db.execute("INSERT INTO counter VALUES (?, 0) ON CONFLICT(name) DO UPDATE SET value = value + 1", (name,))
        return self.db.execute("SELECT value FROM counter WHERE name = ?", (name,)).fetchone()[0] + 1

    def deductible_left(self, mailbox: str, member_id: str, initial: Decimal) -> Decimal:
        row = self.db.execute("SELECT deductible_left FROM member WHERE mailbox=? AND member_id=?",
                              (mailbox, member_id)).fetchone()
        return Decimal(row[0]) if row else initial

    def set_deductible_left(self, mailbox: str, member_id: str, value: Decimal) -> None:
        self.db.execute("INSERT OR REPLACE INTO member VALUES (?, ?, ?)", (mailbox, member_id, str(value)))

    @contextlib.contextmanager
    def transaction(self):
        """One commit, so one sync of the log, for a whole interchange's writes: each statement on its own
        (autocommit) synced the log once per claim and made a file of 50 claims cost hundreds of ms."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def seen_services(self, mailbox: str, member_ids: set[str]) -> set[tuple]:
        """The services already billed for these members only: the whole mailbox grows with every claim."""
        from datetime import date

        if not member_ids:
            return set()
        rows = self.db.execute("SELECT member_id, service_date, code FROM service WHERE mailbox=? AND member_id "
                               "IN (SELECT value FROM json_each(?))", (mailbox, json.dumps(sorted(member_ids))))
        return {(m, date.fromisoformat(d) if d else None, c) for m, d, c in rows}

    def remember_services(self, mailbox: str, services: set[tuple]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO service VALUES (?, ?, ?, ?)",
                            [(mailbox, m, d.isoformat() if d else "", c) for m, d, c in services])

    def schedule(self, url: str, mailbox: str, body: str, delay: float) -> None:
        self.db.execute("INSERT INTO delivery (url, mailbox, body, due) VALUES (?, ?, ?, ?)",
                        (url, mailbox, body, time.time() + delay))

    def due_deliveries(self) -> list[tuple]:
        return self.db.execute("SELECT id, url, mailbox, body, attempts FROM delivery WHERE done=0 AND due<=? "
                               "ORDER BY id LIMIT 50", (time.time(),)).fetchall()

    def delivered(self, delivery_id: int) -> None:
        self.db.execute("UPDATE delivery SET done=1 WHERE id=?", (delivery_id,))

    def retry_later(self, delivery_id: int, attempts: int) -> None:
        self.db.execute("UPDATE delivery SET attempts=?, due=? WHERE id=?",
                        (attempts + 1, time.time() + min(30.0, 0.5 * 2 ** attempts), delivery_id))

    def record_submission(self, control: str, mailbox: str, summary: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO submission VALUES (?, ?, ?)", (control, mailbox, summary))

    def stored_ack(self, mailbox: str, isa13: str) -> str | None:
        row = self.db.execute("SELECT ack FROM interchange_ack WHERE mailbox=? AND isa13=?", (mailbox, isa13)).fetchone()
        return row[0] if row else None

    def store_ack(self, mailbox: str, isa13: str, ack: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO interchange_ack VALUES (?, ?, ?)", (mailbox, isa13, ack))

    def submission(self, control: str) -> str | None:
        row = self.db.execute("SELECT summary FROM submission WHERE control=?", (control,)).fetchone()
        return row[0] if row else None

    def record_claim(self, mailbox: str, pcn: str, **values: str | None) -> None:
        """The latest outcome of a claim (a resubmission with the same control number replaces it)."""
        self.db.execute(f"INSERT OR REPLACE INTO claim_record (mailbox, pcn, {', '.join(CLAIM_COLUMNS)}) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (mailbox, pcn, *(values.get(c) for c in CLAIM_COLUMNS)))

    def claim_by_payer_number(self, mailbox: str, payer_claim_number: str) -> dict | None:
        row = self.db.execute(f"SELECT pcn, {', '.join(CLAIM_COLUMNS)} FROM claim_record WHERE mailbox=? AND "
                              "payer_claim_number=?", (mailbox, payer_claim_number)).fetchone()
        return dict(zip(("pcn", *CLAIM_COLUMNS), row)) if row else None

    def claim_record(self, mailbox: str, pcn: str) -> dict | None:
        row = self.db.execute(f"SELECT {', '.join(CLAIM_COLUMNS)} FROM claim_record WHERE mailbox=? AND pcn=?",
                              (mailbox, pcn)).fetchone()
        return dict(zip(CLAIM_COLUMNS, row)) if row else None
