"""ReceivingScreen ("Tiếp nhận hồ sơ"): open or scan for packets, confirm a commune's fingerprint on first contact,
see every packet received with its verdict, and the imported rounds with their nominees and documents."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QLayout, QListWidget, QListWidgetItem, QMessageBox,
                               QPlainTextEdit, QPushButton, QScrollArea, QSplitter, QTableWidget, QTableWidgetItem, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop_app.core.changes import Topic, touches
from desktop_app.core.dates import format_vn_datetime
from desktop_app.core.errors import UserError
from desktop_app.core.exchange import receiving
from desktop_app.core.exchange.packets import list_removable_drives, shown_escaped
from desktop_app.core.fingerprints import format_fingerprint
from desktop_app.core.nominations import rounds
from desktop_app.core.vocabulary import NOMINATION_FORMS, SUPERSEDED

from .layout import widen_to_headers
from .operations import OperationRunner


def shown(text) -> str:
    """Text from a packet as it may be shown: hidden characters (bidi overrides, zero-width, controls) escaped."""
    return shown_escaped(str(text or ""))


def plain_label(text: str) -> QLabel:
    """A label that shows its text as plain text, never as HTML (text from packets goes into labels)."""
    label = QLabel(text)
    label.setTextFormat(Qt.PlainText)
    label.setWordWrap(True)
    return label


def plain_message(parent, icon, title: str, text: str) -> None:
    """A message box whose text is shown as plain text (a name from a packet may look like HTML)."""
    box = QMessageBox(icon, title, shown_escaped(text, keep_newlines=True), QMessageBox.Ok, parent)
    box.setTextFormat(Qt.PlainText)
    box.exec()


class FingerprintDialog(QDialog):
    """First contact: compare the fingerprint with the paper Tờ trình. A second key for a commune that already has
    a trusted one (not announced by it) is confirmed differently: the dialog names the key already trusted and
    asks the officer to tick that the commune confirmed it replaced that key (`second_key_over`)."""

    def __init__(self, record, parent: QWidget | None = None, trusted: list[str] = ()):
        super().__init__(parent)
        self.second_key = record.reason == "unknown_signer"
        self.second_key_over = trusted[0] if (self.second_key and trusted) else None
        self.setWindowTitle(self.tr("Confirm a SECOND key of the commune") if self.second_key
                            else self.tr("Confirm the commune's key"))
        self.setMinimumWidth(760)
        layout = QVBoxLayout(self)
        if not self.second_key:
            text = self.tr("This is the first packet from commune %1 (code %2).")
        else:
            text = self.tr("Commune %1 (code %2) already has a trusted key, but signed this packet with ANOTHER key "
                           "that its trusted key did not announce.")
        head = plain_label(text.replace("%1", shown(record.commune_name) or "?")
                           .replace("%2", shown(record.commune_code) or "?"))
        head.setObjectName("head")
        layout.addWidget(head)
        if self.second_key:
            old = plain_label(self.tr("Key trusted now: %1").replace(
                "%1", ", ".join(format_fingerprint(fp) for fp in trusted) or "?"))
            old.setObjectName("trusted_key")
            layout.addWidget(old)
        ask = QLabel(self.tr("Take the signed paper sent with this round — the Tờ trình, or the covering letter "
                             "(phiếu gửi hồ sơ) when the round has no Tờ trình — and compare, group by group, the key "
                             "fingerprint printed on it with the one below. Trust the key only if every group is the "
                             "same. If you do not have the paper at hand, choose \"Decide later\"."))
        ask.setWordWrap(True)
        layout.addWidget(ask)
        groups = receiving.record_fingerprint_display(record)[len("SHA256:"):].split()
        self.fingerprint = QLabel("SHA256:\n" + "  ".join(groups[:8]) + "\n" + "  ".join(groups[8:]))
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setAlignment(Qt.AlignCenter)
        self.fingerprint.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = QFont("Liberation Mono")
        font.setPointSize(17)
        font.setBold(True)
        self.fingerprint.setFont(font)
        self.fingerprint.setStyleSheet("QLabel { background: #fff8e1; border: 1px solid #ffb300; padding: 12px; }")
        layout.addWidget(self.fingerprint)
        self.confirm_box = None
        buttons = QDialogButtonBox()
        if self.second_key:
            warn = plain_label(self.tr("Trust a second key only after calling the commune: the key trusted now will "
                                       "no longer be trusted for packets made after this one."))
            layout.addWidget(warn)
            self.confirm_box = QCheckBox(self.tr("I called the commune: it replaced its key %1 by this one.")
                                         .replace("%1", format_fingerprint(self.second_key_over or "")[:22] + "…"))
            self.confirm_box.setObjectName("confirm_second_key")
            layout.addWidget(self.confirm_box)
            self.trust_button = buttons.addButton(self.tr("Trust this SECOND key instead of the old one and import"),
                                                  QDialogButtonBox.AcceptRole)
            self.trust_button.setEnabled(False)
            self.confirm_box.toggled.connect(self.trust_button.setEnabled)
        else:
            self.trust_button = buttons.addButton(self.tr("The same as on paper — trust and import"),
                                                  QDialogButtonBox.AcceptRole)
        self.refuse_button = buttons.addButton(self.tr("Different — do not trust"), QDialogButtonBox.DestructiveRole)
        self.later_button = buttons.addButton(self.tr("Decide later"), QDialogButtonBox.RejectRole)
        self.trust_button.clicked.connect(lambda: self.done(1))
        self.refuse_button.clicked.connect(lambda: self.done(2))
        self.later_button.clicked.connect(lambda: self.done(0))
        # Enter (or a hurried click on the highlighted button) must never trust a key: it means "decide later".
        for button in (self.trust_button, self.refuse_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.later_button.setAutoDefault(True)
        self.later_button.setDefault(True)
        layout.addWidget(buttons)
        # Wrapped labels report their height only for a width: never let the dialog cut the fingerprint.
        layout.setSizeConstraint(QLayout.SetMinimumSize)


class ReceivingScreen(QWidget):
    COLUMNS = ("received", "file", "commune", "round", "sequence", "verdict", "outcome", "reason")

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None,
                 drives: Callable[[], list] = list_removable_drives, confirm: Callable[[object], int] | None = None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.drives = drives
        self.confirm = confirm or (lambda record: FingerprintDialog(record, self, self._trusted_of(record)).exec())
        self.last_report: receiving.ImportReport | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open a packet file…"))
        self.open_button.setObjectName("open_packet")
        self.scan_button = QPushButton(self.tr("Scan USB drives for packets"))
        self.scan_button.setObjectName("scan")
        self.pending_button = QPushButton(self.tr("Packets waiting for confirmation…"))
        self.order_button = QPushButton(self.tr("Accept despite the order…"))
        self.order_button.setObjectName("accept_order")
        self.order_button.setToolTip(self.tr("For a packet refused only because an earlier one is missing: "
                                             "after checking with the commune, import it and keep the reason"))
        bar.addWidget(self.open_button)
        bar.addWidget(self.scan_button)
        bar.addWidget(self.pending_button)
        bar.addWidget(self.order_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.open_button.clicked.connect(self.ask_open)
        self.scan_button.clicked.connect(self.scan)
        self.pending_button.clicked.connect(self.confirm_pending)
        self.order_button.clicked.connect(lambda: self.accept_selected_out_of_order())
        runner.notifier.changed.connect(self._on_changed)

        self.report = QPlainTextEdit()
        self.report.setObjectName("report")
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(110)
        self.report.setPlaceholderText(self.tr("The import report appears here."))
        layout.addWidget(self.report)

        splitter = QSplitter(Qt.Vertical)
        packets_box = QWidget()
        pl = QVBoxLayout(packets_box)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(QLabel(self.tr("Packets received (every packet is kept with its verdict)")))
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("packets")
        self.table.setHorizontalHeaderLabels([self.tr("Received"), self.tr("File"), self.tr("Commune"),
                                              self.tr("Round"), self.tr("Packet no."), self.tr("Verdict"),
                                              self.tr("What happened"), self.tr("Reason")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        pl.addWidget(self.table)
        splitter.addWidget(packets_box)

        rounds_box = QWidget()
        rl = QHBoxLayout(rounds_box)
        rl.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Imported rounds and nominees")))
        self.tree = QTreeWidget()
        self.tree.setObjectName("rounds")
        self.tree.setHeaderLabels([self.tr("Round / nominee"), self.tr("Award proposed"), self.tr("Votes for / against")])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        widen_to_headers(self.tree, {1: 150, 2: 120})
        self.tree.currentItemChanged.connect(self._round_selected)
        left.addWidget(self.tree)
        rl.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Documents of the round")))
        self.documents = QListWidget()
        self.documents.setObjectName("documents")
        self.documents.itemActivated.connect(self._open_document)
        right.addWidget(self.documents)
        self.open_doc_button = QPushButton(self.tr("Open document"))
        self.open_doc_button.clicked.connect(lambda: self._open_document(self.documents.currentItem()))
        right.addWidget(self.open_doc_button)
        self.signature_reports: dict = {}
        self.signature_details = plain_label("")
        self.signature_details.setObjectName("signature_details")
        self.signature_details.setWordWrap(True)
        self.signature_details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.signature_details.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        details = QScrollArea()
        details.setObjectName("signature_scroll")
        details.setWidgetResizable(True)
        details.setWidget(self.signature_details)
        details.setFixedHeight(130)          # each signature's lines scroll here; the list keeps its room
        right.addWidget(details)
        self.documents.currentItemChanged.connect(self._show_signatures)
        self.documents.itemClicked.connect(self._show_signatures)
        rl.addLayout(right, 2)
        splitter.addWidget(rounds_box)
        layout.addWidget(splitter, 1)
        self.refresh()

    @Slot(bool)
    def _busy(self, busy: bool) -> None:
        for button in (self.open_button, self.scan_button, self.pending_button):
            button.setEnabled(not busy)

    def _on_changed(self, changes) -> None:
        if touches(changes, Topic.PACKETS, Topic.ROUNDS):
            self.refresh()

    # --- lists ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        records = receiving.received_packets(self.session)
        self.table.setRowCount(len(records))
        for row, r in enumerate(records):
            rnd = f"{r.round_number}/{r.round_version}" if r.round_number else ""
            values = (format_vn_datetime(r.received_at), shown(r.original_name),
                      f"{shown(r.commune_name)} ({shown(r.commune_code)})" if r.commune_code else "", rnd,
                      str(r.sequence or ""), receiving.record_verdict_label(r), receiving.record_outcome_label(r),
                      receiving.record_reason_text(r))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, r.id)
                if col == 5:
                    item.setForeground(Qt.GlobalColor.darkGreen if r.verdict == "valid" else Qt.GlobalColor.darkRed)
                self.table.setItem(row, col, item)
        self.tree.clear()
        for rnd in receiving.imported_rounds(self.session):
            title = self.tr("%1 — round %2, version %3").replace("%1", shown(rnd.commune.name)).replace(
                "%2", str(rnd.number)).replace("%3", str(rnd.version))
            if rnd.status == SUPERSEDED:
                title += " — " + self.tr("REPLACED by a newer version")
            top = QTreeWidgetItem([title, "", ""])
            top.setData(0, Qt.UserRole, rnd.id)
            if rnd.status == SUPERSEDED:
                top.setForeground(0, Qt.GlobalColor.gray)
            for n in rounds.nominees_of(self.session, rnd.id):
                votes = "" if n.votes_for is None else f"{n.votes_for} / {n.votes_against or 0}"
                form = NOMINATION_FORMS.get(n.award_form)
                child = QTreeWidgetItem([shown(n.participant.name), form.name if form else shown(n.award_form), votes])
                child.setData(0, Qt.UserRole, rnd.id)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(rnd.status != SUPERSEDED)
        self.pending_button.setVisible(bool(receiving.pending_confirmations(self.session)))

    def _round_selected(self, item, _previous=None) -> None:
        self.signature_reports = {}
        self.documents.clear()
        if item is None:
            return
        rnd = rounds.get_round(self.session, item.data(0, Qt.UserRole))
        if rnd is None:
            return
        paths = receiving.round_document_files(self.session, rnd.id)
        for path in paths:
            entry = QListWidgetItem(shown(path.name))
            entry.setData(Qt.UserRole, str(path))
            self.documents.addItem(entry)
        pdfs = [p for p in paths if p.suffix.lower() == ".pdf"]
        if pdfs:
            # The digital signatures on the documents (issue 17), checked against the roots installed here, in the
            # background (pyHanko loads only now).
            from desktop_app.core.signatures.verification import verify_many

            self.signature_details.setText(self.tr("Checking the digital signatures of the documents…"))
            self.runner.run(verify_many, pdfs, read=True,
                            on_success=lambda reports: self._signatures_verified(rnd.id, pdfs, reports),
                            on_failure=lambda exc: self.signature_details.setText(str(exc)))
        else:
            self.signature_details.setText("")

    def _signatures_verified(self, round_id: int, pdfs, reports) -> None:
        current = self.tree.currentItem()
        if current is None or current.data(0, Qt.UserRole) != round_id:
            return
        self.signature_reports = {str(p): r for p, r in zip(pdfs, reports, strict=True)}
        for i in range(self.documents.count()):
            entry = self.documents.item(i)
            report = self.signature_reports.get(entry.data(Qt.UserRole))
            if report is None:
                continue
            entry.setText(f"{shown(Path(entry.data(Qt.UserRole)).name)} — {shown(report.summary)}")
            entry.setForeground(Qt.GlobalColor.darkGreen if report.ok else
                                Qt.GlobalColor.darkRed if report.signatures else Qt.GlobalColor.black)
            entry.setToolTip("\n\n".join("\n".join(shown(line) for line in s.lines()) for s in report.signatures))
        signed = [r for r in reports if r.signatures]
        good = [r for r in signed if r.ok]
        self.signature_details.setText(
            self.tr("Digital signatures: %1 of %2 PDF documents signed, %3 of them valid and trusted. Select a "
                    "document to see each signature.").replace("%1", str(len(signed))).replace(
                "%2", str(len(reports))).replace("%3", str(len(good))))
        self._show_signatures(self.documents.currentItem())

    def _show_signatures(self, item, _previous=None) -> None:
        report = self.signature_reports.get(item.data(Qt.UserRole)) if item is not None else None
        if report is None:
            return
        lines = [f"{shown(report.name)}: {shown(report.summary)}"]
        for i, sig in enumerate(report.signatures, start=1):
            lines.append(self.tr("Signature %1: %2").replace("%1", str(i)).replace("%2", shown(sig.verdict)))
            lines += ["    " + shown(line) for line in sig.lines()]
        self.signature_details.setText("\n".join(lines))

    def _open_document(self, item) -> None:
        """Hand a document to the desktop shell — only a PDF or .docx file whose name hides nothing."""
        if item is None:
            return
        path = Path(item.data(Qt.UserRole))
        if not receiving.is_safe_to_open(path) or path.suffix.lower() not in (".pdf", ".docx"):
            plain_message(self, QMessageBox.Warning, self.tr("Receive dossiers"),
                          self.tr("This file is not opened: only PDF and .docx documents are."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- receiving -------------------------------------------------------------------------------------------
    def ask_open(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Open packet files"), "",
                                                self.tr("Dossier packets (*.zip)"))
        if files:
            self.receive_files(files)

    def scan(self) -> None:
        drives = self.drives()
        found = receiving.scan_for_packets([d.path for d in drives])
        if not found:
            QMessageBox.information(self, self.tr("Receive dossiers"), self.tr(
                "No packet (.zip) found on the USB drives. Plug in the stick, or open the file with "
                "“Open a packet file…”.") if drives else self.tr("No USB drive found. Plug in the stick, or open "
                                                                 "the file with “Open a packet file…”."))
            return
        self.receive_files(found)

    def receive_files(self, files, wait: bool = False) -> None:
        self._busy(True)
        self.runner.run(receiving.receive_many, [str(f) for f in files], progress=self.tr("Receiving packets…"),
                        parent=self, on_success=self._received, on_failure=self._failed,
                        on_cancelled=lambda: self._busy(False))
        if wait:
            self.runner.wait()

    def _received(self, report: receiving.ImportReport) -> None:
        self._busy(False)
        self.last_report = report
        self.report.setPlainText(shown_escaped(report.text(), keep_newlines=True))
        self.refresh()
        for result in report.results:
            if result.needs_confirmation:
                self._ask_confirmation(result.record)

    def _failed(self, exc: UserError) -> None:
        self._busy(False)
        self.report.setPlainText(shown_escaped(str(exc), keep_newlines=True))
        self.refresh()
        plain_message(self, QMessageBox.Warning, self.tr("Receive dossiers"), str(exc))

    def selected_record(self):
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return receiving.get_received_packet(self.session, item.data(Qt.UserRole)) if item is not None else None

    def accept_selected_out_of_order(self, reason: str | None = None) -> None:
        """The selected packet was refused for its order only: import it with the officer's written reason."""
        record = self.selected_record()
        if record is None or record.outcome != receiving.REJECTED or record.verdict != "out_of_sequence":
            QMessageBox.information(self, self.tr("Receive dossiers"),
                                    self.tr("Select a packet refused as out of order in the list first."))
            return
        if reason is None:
            reason, ok = QInputDialog.getMultiLineText(
                self, self.tr("Accept despite the order"),
                self.tr("Packet %1 of %2 is out of order (%3).\nWrite what you checked with the commune "
                        "(e.g. the earlier packet was lost with a USB stick):").replace(
                    "%1", str(record.sequence)).replace("%2", shown(record.commune_name)).replace(
                    "%3", receiving.record_reason_text(record)).replace("<", "‹").replace(">", "›"))
            if not ok:
                return
        self.runner.run(receiving.accept_out_of_order, record.id, reason, accepted_by=self.tr("confirmed on screen"),
                        parent=self, on_success=self._show_result)

    def _show_result(self, result) -> None:
        self.report.setPlainText(shown_escaped(receiving.ImportReport([result]).text(), keep_newlines=True))

    def confirm_pending(self) -> None:
        for record in receiving.pending_confirmations(self.session):
            self._ask_confirmation(record)

    def _trusted_of(self, record) -> list[str]:
        return [k.fingerprint for k in receiving.active_keys(self.session, record.commune_code or "")]

    def _ask_confirmation(self, record) -> None:
        choice = self.confirm(record)
        if choice == 1:
            # A second key: the dialog named the key already trusted, and the officer ticked that it was replaced.
            over = (self._trusted_of(record) or [None])[0] if record.reason == "unknown_signer" else None
            self.runner.run(receiving.confirm_and_import, record.id, second_key_over=over,
                            trusted_by=self.tr("confirmed on screen"), parent=self, on_success=self._show_result,
                            on_failure=self._failed)
        elif choice == 2:
            self.runner.run(receiving.reject_pending, record.id, parent=self)

