"""DossierScreen ("Hồ sơ đề nghị"): the lifecycle of a round's documents (NĐ 30/2020). Drafts are previewed with
"DỰ THẢO" and no number; each numbered document (Biên bản, Tờ trình, Quyết định) is issued in its own step with a
number from the commune's register and a signing date; issued documents are shown read-only from their stored files;
a correction of the round issues new documents that name the ones they replace. Preview (QtPdf), print on A4, save a
copy anywhere, open the folder; the dossier's settings (place name, offices, base salary, the register). An issued
document is signed digitally with the officer's token (issue 17: the person with authority, then the văn thư for the
commune) and the shown PDF's signatures are verified and described under it."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIntValidator
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPlainTextEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from desktop_app.core.changes import Topic, touches
from desktop_app.core.dates import format_vn_date
from desktop_app.core.documents import round_documents as core
from desktop_app.core.errors import UserError
from desktop_app.core.exchange.keys import create_key, known_fingerprint
from desktop_app.core.fingerprints import format_fingerprint
from desktop_app.core.nominations import rounds, rules_pack
from desktop_app.core.register.communes import commune_code_of
from desktop_app.core.signatures import records as signature_records
from desktop_app.core.vocabulary import DRAFT, LOCKED, SENT

from .operations import OperationRunner
from .printing import a4_printer, print_dialog, print_pdf

PATH_ROLE = Qt.UserRole


STATE_COLUMNS = 4


class DossierScreen(QWidget):
    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.documents_dir = self.session.paths.documents_dir
        # One preview folder inside the workspace, emptied before each preview: previews never pile up.
        self.preview_dir = self.session.paths.root / ".xem-truoc"
        self.busy = False
        self.files: list[Path] = []
        self.signable: dict[str, signature_records.SignableDocument] = {}
        self.signature_report = None              # the verification of the PDF shown
        self.folder: Path | None = None           # where the shown documents are (None: nothing yet)
        self.issued = False                       # kept for callers: the shown files include issued ones
        self.states: list = []                    # core.DocumentState of the numbered documents

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Nomination round:")))
        self.round_combo = QComboBox()
        self.round_combo.setObjectName("round_combo")
        self.round_combo.setMinimumWidth(420)
        bar.addWidget(self.round_combo, 1)
        self.reload_button = QPushButton(self.tr("Refresh"))
        self.reload_button.clicked.connect(self.reload_rounds)
        bar.addWidget(self.reload_button)
        self.settings_button = QPushButton(self.tr("Document settings…"))
        self.settings_button.setObjectName("settings_button")
        self.settings_button.clicked.connect(self.edit_settings)
        bar.addWidget(self.settings_button)
        self.rules_button = QPushButton(self.tr("Province's rules…"))
        self.rules_button.setObjectName("rules_button")
        self.rules_button.setToolTip(self.tr("Import the rules pack the province publishes (signed): its regulation, "
                                             "vote thresholds, deadlines and criteria. Without one, only the "
                                             "national criteria apply."))
        self.rules_button.clicked.connect(lambda: self.import_rules())
        bar.addWidget(self.rules_button)
        self.sources_button = QPushButton(self.tr("Not verified…"))
        self.sources_button.setObjectName("sources_button")
        self.sources_button.setToolTip(self.tr("What the documents cite that could not be checked against the "
                                               "official texts"))
        self.sources_button.clicked.connect(self.show_unverified)
        bar.addWidget(self.sources_button)
        layout.addLayout(bar)

        # The numbered documents and where each stands: draft, issued (number, date), replacing an earlier one.
        self.state_table = QTableWidget(0, STATE_COLUMNS)
        self.state_table.setObjectName("state_table")
        self.state_table.setHorizontalHeaderLabels([self.tr("Document"), self.tr("State"), self.tr("Next step"),
                                                    self.tr("Digital signatures")])
        self.state_table.verticalHeader().setVisible(False)
        self.state_table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.state_table.setSelectionBehavior(QTableWidget.SelectRows)
        self.state_table.setSelectionMode(QTableWidget.SingleSelection)
        self.state_table.horizontalHeader().setStretchLastSection(True)
        self.state_table.setColumnWidth(0, 300)
        self.state_table.setColumnWidth(1, 330)
        self.state_table.setColumnWidth(2, 380)
        self.state_table.setWordWrap(True)
        # "Next step" often takes two lines: rows as tall as their text, room for the three documents and a fourth.
        self.state_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.state_table.setMaximumHeight(160)
        self.state_table.itemSelectionChanged.connect(self._update_buttons)
        self.state_table.cellDoubleClicked.connect(lambda *_: self.issue_selected())
        layout.addWidget(self.state_table)

        self.numbers_label = QLabel()
        self.numbers_label.setObjectName("numbers_label")
        self.numbers_label.setWordWrap(True)
        self.numbers_label.setTextFormat(Qt.PlainText)
        layout.addWidget(self.numbers_label)

        actions = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Show the dossier (drafts marked DỰ THẢO)"))
        self.preview_button.setObjectName("preview_button")
        self.preview_button.setToolTip(self.tr("Makes the documents not issued yet as drafts: marked “DỰ THẢO”, "
                                               "without numbers, made again as often as you like. Issued "
                                               "documents are shown as they were issued."))
        self.issue_button = QPushButton(self.tr("Issue the selected document…"))
        self.issue_button.setObjectName("issue_button")
        self.preview_button.clicked.connect(lambda: self.generate(issue=False))
        self.issue_button.clicked.connect(self.issue_selected)
        self.sign_button = QPushButton(self.tr("Sign digitally…"))
        self.sign_button.setObjectName("sign_button")
        self.sign_button.setToolTip(self.tr("Sign the selected issued document with the USB token: first the "
                                            "chairman (or deputy), then the records officer adds the commune's "
                                            "signature."))
        self.sign_button.clicked.connect(self.sign_selected)
        actions.addWidget(self.preview_button)
        actions.addWidget(self.issue_button)
        actions.addWidget(self.sign_button)
        actions.addStretch()
        layout.addLayout(actions)

        splitter = QSplitter(Qt.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel(self.tr("No documents yet."))
        self.state_label.setObjectName("state_label")
        self.state_label.setWordWrap(True)
        left_layout.addWidget(self.state_label)
        self.document_list = QListWidget()
        self.document_list.setObjectName("document_list")
        self.document_list.currentItemChanged.connect(self._show_current)
        left_layout.addWidget(self.document_list, 1)
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.open_button = QPushButton(self.tr("Open the folder"))
        self.print_button.clicked.connect(self.print_current)
        self.save_button.clicked.connect(lambda: self.save_copy())
        self.open_button.clicked.connect(self.open_folder)
        for button in (self.print_button, self.save_button, self.open_button):
            left_layout.addWidget(button)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        right_layout.addWidget(self.page_label)
        self.signature_label = QLabel()
        self.signature_label.setObjectName("signature_label")
        self.signature_label.setWordWrap(True)
        self.signature_label.setTextFormat(Qt.PlainText)
        right_layout.addWidget(self.signature_label)
        self.pdf = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        right_layout.addWidget(self.view, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([330, 800])
        layout.addWidget(splitter, 1)

        self.round_combo.currentIndexChanged.connect(self._round_changed)
        runner.notifier.changed.connect(self._on_changed)
        self.reload_rounds()

    def _on_changed(self, changes) -> None:
        if touches(changes, Topic.ROUNDS, Topic.DOCUMENTS) and not self.busy:
            self.reload_rounds()

    # --- rounds --------------------------------------------------------------------------------------

    def _status_text(self, status: str) -> str:
        return {DRAFT: self.tr("being prepared"), LOCKED: self.tr("locked"), SENT: self.tr("sent")}.get(
            status, status)

    def reload_rounds(self) -> None:
        keep = self.current_round_id()
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for r in rounds.round_rows(self.session, include_superseded=False):
            count = r.nominee_count
            text = (self.tr("Round %1 (version %2) — %3 — %4 — nominees: %5")
                    .replace("%1", str(r.number)).replace("%2", str(r.version))
                    .replace("%3", format_vn_date(r.round_date)).replace("%4", self._status_text(r.status))
                    .replace("%5", str(count)))
            self.round_combo.addItem(text, r.id)
        self.round_combo.blockSignals(False)
        index = self.round_combo.findData(keep) if keep is not None else -1
        self.round_combo.setCurrentIndex(index if index >= 0 else 0)
        if keep is not None and self.current_round_id() == keep:
            self._refresh_states()             # same round (its status may have changed): keep what is shown
        else:
            self._round_changed()

    def current_round_id(self) -> int | None:
        return self.round_combo.currentData()

    def current_round(self):
        return rounds.get_round(self.session, self.current_round_id())

    def select_round(self, round_id: int) -> None:
        self.round_combo.setCurrentIndex(self.round_combo.findData(round_id))

    def _doc_name(self, code: str) -> str:
        return {"to_trinh": self.tr("Submission (Tờ trình)"), "bien_ban": self.tr("Council minutes (Biên bản)"),
                "quyet_dinh": self.tr("Decision (Quyết định)"),
                "phieu_gui": self.tr("Covering letter (Phiếu gửi)")}.get(code, code)

    def _round_changed(self) -> None:
        self._clear_documents()
        self._refresh_states()

    def _state_text(self, st) -> str:
        if st.issued:
            text = self.tr("Issued: No. %1 dated %2 — read-only").replace("%1", st.number_text).replace(
                "%2", st.signed_on.strftime("%d/%m/%Y"))
        else:
            text = self.tr("Draft (DỰ THẢO), no number yet")
        if st.replaces:
            text += self.tr(" — replaces No. %1").replace("%1", st.replaces)
        return text

    def _next_step(self, st) -> str:
        if st.issued:
            return self.tr("Reprints give the same file; to change it, create a correction of the round.")
        if st.waiting_for:
            return self.tr("Issue the %1 first (this document cites its number and date).").replace(
                "%1", self._doc_name(st.waiting_for))
        return self.tr("Ready to issue: select it and press “Issue the selected document…”.")

    def _signature_text(self, st) -> str:
        doc = self.signable.get(st.code)
        if not st.issued or doc is None:
            return self.tr("—")
        if not doc.signatures:
            return self.tr("Not signed yet")
        done = "; ".join(self.tr("%1 (%2)").replace("%1", s.signer_name).replace("%2", s.signed_at)
                         for s in doc.signatures)
        if doc.next_role == signature_records.ORGANISATION:
            return self.tr("Signed by %1 — the commune's signature (văn thư) comes next").replace("%1", done)
        return self.tr("Signed by %1 — complete").replace("%1", done)

    def _refresh_states(self) -> None:
        """Show each numbered document: draft or issued, and what comes next."""
        round_ = self.current_round()
        keep = self.selected_code()
        self.state_table.setRowCount(0)
        self.states = []
        if round_ is None:
            self.numbers_label.setText(self.tr("There is no nomination round yet."))
            self._update_buttons()
            return
        try:
            self.states = core.document_states(self.session, round_.id)
        except UserError as error:
            self.numbers_label.setText(str(error))
            self._update_buttons()
            return
        self.state_table.setRowCount(len(self.states))
        self.signable = {d.code: d for d in signature_records.signable_documents(self.session, round_.id)}
        for row, st in enumerate(self.states):
            for col, text in enumerate((self._doc_name(st.code), self._state_text(st), self._next_step(st),
                                        self._signature_text(st))):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, st.code)
                item.setToolTip(text)
                self.state_table.setItem(row, col, item)
        self.state_table.resizeRowsToContents()
        issued = [st for st in self.states if st.issued]
        waiting = [st for st in self.states if not st.issued]
        lines = []
        if issued:
            lines.append(self.tr("Issued documents are frozen: their PDF and Word files are kept in the workspace "
                                 "with a checksum and are printed exactly as issued."))
        if waiting:
            lines.append(self.tr("A draft carries no number and says “DỰ THẢO”. Issue each document once it is "
                                 "signed: enter the number the records officer (văn thư) gives and the signing "
                                 "date."))
            if core.unverified_notes():
                lines.append(self.tr("Some legal facts and the prize money rates are not verified against the "
                                     "official texts: see “Not verified…” before signing."))
        if not self.states:
            lines.append(self.tr("This round has no document to issue yet (no council meeting, no nominee)."))
        lines += self._rules_lines(round_)
        self.numbers_label.setText("\n".join(lines))
        codes = [st.code for st in self.states]
        ready = next((i for i, st in enumerate(self.states) if not st.issued and not st.waiting_for), None)
        if keep in codes and (ready is None or not self.states[codes.index(keep)].issued):
            self.state_table.selectRow(codes.index(keep))
        elif ready is not None:
            self.state_table.selectRow(ready)      # the next document to issue
        self._update_buttons()

    def _rules_lines(self, round_) -> list[str]:
        """Which rules apply: the national ones only, or also the province's pack (its version and deadlines)."""
        try:
            pack = rules_pack.current_pack(self.session)
        except UserError as error:
            return [str(error)]
        if pack is None:
            return [self.tr("Rules: national criteria only (no province's rules pack imported).")]
        meeting = rounds.meeting_of(self.session, round_.id)
        out = [self.tr("Rules: national criteria and %1.").replace("%1", pack.label)]
        out += rules_pack.deadline_lines(pack, meeting.held_on if meeting is not None else None)
        return out

    def show_unverified(self) -> None:
        notes = core.unverified_notes()
        text = self.tr("These facts could not be checked against the official texts when the data was written; "
                       "check them before signing:") + "\n\n" + "\n\n".join(f"• {n}" for n in notes)
        QMessageBox.information(self, self.tr("Not verified"), text)

    def import_rules(self, path: str | None = None, confirm=None) -> None:
        """Import the province's signed rules pack; its key's fingerprint is compared with the published one."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Province's rules pack"), "",
                                                  self.tr("Rules pack (*.json)"))
            if not path:
                return
        try:
            pack = rules_pack.read_pack_file(path)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Province's rules"), str(error))
            return
        question = (self.tr("%1\nRegulation: %2\n\nSigned with the key whose fingerprint is:\n%3\n\nIs this the "
                            "fingerprint the province published (on paper or on the Sở Nội vụ's portal)? Import "
                            "only if it is the same.").replace("%1", pack.label).replace("%2", pack.citation())
                    .replace("%3", format_fingerprint(pack.fingerprint)))
        ask = confirm or (lambda text: QMessageBox.question(self, self.tr("Province's rules"), text)
                          == QMessageBox.Yes)
        if not ask(question):
            return
        self.runner.run(rules_pack.import_pack, path, trust_fingerprint=pack.fingerprint,
                        on_success=lambda _p: self._refresh_states(), on_failure=self._failed)

    def selected_code(self) -> str | None:
        rows = self.state_table.selectionModel().selectedRows() if self.state_table.selectionModel() else []
        if not rows:
            return None
        item = self.state_table.item(rows[0].row(), 0)
        return item.data(Qt.UserRole) if item is not None else None

    def selected_state(self):
        code = self.selected_code()
        return next((st for st in self.states if st.code == code), None)

    # --- issuing -------------------------------------------------------------------------------------

    def issue_selected(self) -> None:
        """The issue step of one document: number and signing date, then the files are made once and kept."""
        round_ = self.current_round()
        st = self.selected_state()
        if round_ is None or st is None or self.busy:
            return
        if st.issued:
            QMessageBox.information(self, self.tr("Issue"), self._next_step(st))
            return
        if st.waiting_for:
            QMessageBox.information(self, self.tr("Issue"), self._next_step(st))
            return
        dialog = IssueDialog(self, self._doc_name(st.code), st, today=self.session.clock.today())
        if dialog.exec() != QDialog.Accepted:
            return
        number, signed = dialog.values()
        fingerprint = known_fingerprint(self.session.secrets, self.session.home_commune())
        if st.code in core.COVERS and not fingerprint:
            # The Tờ trình carries the commune key's fingerprint: the key is made before the first dossier.
            commune = self.session.home_commune()
            self.busy = True
            self._update_buttons()
            self.runner.run(create_key, commune_code_of(commune),
                            on_success=lambda info: self._issue(round_.id, st.code, number, signed,
                                                                info.fingerprint),
                            on_failure=self._failed)
            return
        self._issue(round_.id, st.code, number, signed, fingerprint)

    def sign_selected(self) -> None:
        """Sign the selected issued document with the token (the next signature in order)."""
        from .sign_document_dialog import SignDocumentDialog  # loads pyHanko: only when signing

        st = self.selected_state()
        doc = self.signable.get(st.code) if st is not None else None
        if doc is None or self.busy or doc.next_role is None:
            return
        dialog = SignDocumentDialog(self.runner, doc, self._doc_name(st.code), parent=self)
        if dialog.exec() != QDialog.Accepted or dialog.outcome is None:
            return
        out = dialog.outcome
        text = (self.tr("%1 No. %2 signed by %3 at %4 (PAdES %5): %6 file(s).")
                .replace("%1", self._doc_name(st.code)).replace("%2", doc.number_text)
                .replace("%3", out.signer.name).replace("%4", out.signed_at).replace("%5", out.level)
                .replace("%6", str(len(out.files))))
        if out.timestamp_skipped:
            text += "\n" + self.tr("The timestamp server did not answer: signed without a timestamp (the signing "
                                   "time is the computer's clock).")
        self.state_label.setText(text)
        self._refresh_states()
        self.generate(issue=False)

    def _issue(self, round_id: int, code: str, number: int, signed, fingerprint: str) -> None:
        self.busy = True
        self._update_buttons()
        self.runner.run(core.issue_document, round_id, code, number, signed, signer_fingerprint=fingerprint,
                        progress=self.tr("Issuing the document…"), parent=self,
                        on_success=self._issued, on_failure=self._failed, on_cancelled=self._cancelled)

    def _issued(self, state) -> None:
        self.busy = False
        self.reload_rounds()                  # the round is locked now: its line in the list says so
        self.generate(issue=False)
        self.state_label.setText(self.tr("%1 issued: No. %2 dated %3. Its files are kept in %4.")
                                 .replace("%1", self._doc_name(state.code)).replace("%2", state.number_text)
                                 .replace("%3", state.signed_on.strftime("%d/%m/%Y"))
                                 .replace("%4", str(self.round_folder())))

    def round_folder(self) -> Path | None:
        round_ = self.current_round()
        return self.documents_dir / core.round_folder_name(round_) if round_ is not None else None

    def edit_settings(self) -> None:
        series = [(self._doc_name(st.code), st.series) for st in self.states] or [
            (self._doc_name(code), s) for code, s in (("bien_ban", "BB-HĐTĐKT"), ("to_trinh", "TTr-UBND"),
                                                     ("quyet_dinh", "QĐ-UBND"))]
        dialog = DocumentSettingsDialog(self, core.document_settings(self.session), series,
                                        self.session.clock.today().year)
        if dialog.exec() == QDialog.Accepted:
            self.runner.run(core.save_document_settings, dialog.values(), on_failure=self._failed)

    # --- generating ----------------------------------------------------------------------------------

    def generate(self, issue: bool = False) -> None:
        """Show the dossier: issued documents as issued, the others as drafts (nothing is issued here)."""
        round_ = self.current_round()
        if round_ is None or self.busy:
            return
        self._drop_preview_dir()
        target = self.preview_dir
        fingerprint = known_fingerprint(self.session.secrets, self.session.home_commune())
        self._clear_documents()
        self.busy = True
        self._update_buttons()
        self.runner.run(core.write_dossier_with_labels, round_.id, target, issue=False,
                        signer_fingerprint=fingerprint, progress=self.tr("Creating the dossier documents…"),
                        parent=self, on_success=lambda result: self._generated(result, target),
                        on_failure=self._failed, on_cancelled=self._cancelled)

    def _generated(self, result, folder: Path) -> None:
        self.busy = False
        paths, labels = result
        self.files, self.folder = paths, folder
        issued_names = {name for st in self.states if st.issued for name in st.files}
        self.issued = bool(issued_names)
        self.document_list.clear()
        for path in paths:
            if path.suffix != ".pdf":
                continue
            label = labels.get(path.stem, path.stem)
            mark = self.tr("issued") if path.name in issued_names else self.tr("draft")
            item = QListWidgetItem(f"{label} — {mark}")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(path.name)
            self.document_list.addItem(item)
        pdfs = self.document_list.count()
        drafts = sum(1 for p in paths if p.suffix == ".pdf" and p.name not in issued_names)
        if drafts:
            self.state_label.setText(self.tr("%1 documents: %2 drafts (DỰ THẢO, no number, not kept) and the "
                                             "issued ones as issued.").replace("%1", str(pdfs))
                                     .replace("%2", str(drafts)))
        else:
            self.state_label.setText(self.tr("%1 documents, all issued: printed exactly as issued.")
                                     .replace("%1", str(pdfs)))
        self._refresh_states()
        if pdfs:
            self.document_list.setCurrentRow(0)

    def _failed(self, exc: UserError) -> None:
        self.busy = False
        QMessageBox.warning(self, self.tr("Dossier"), str(exc))
        self._refresh_states()
        self._update_buttons()

    def _cancelled(self) -> None:
        self.busy = False
        self._round_changed()

    # --- preview -------------------------------------------------------------------------------------

    def current_pdf(self) -> Path | None:
        item = self.document_list.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def _show_current(self, *_args) -> None:
        path = self.current_pdf()
        self.pdf.close()
        if path is None:
            self.page_label.setText("")
            self._update_buttons()
            return
        error = self.pdf.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.page_label.setText(self.tr("This file cannot be shown: %1").replace("%1", path.name))
        else:
            self.page_label.setText(self.tr("%1 — pages: %2").replace("%1", self.document_list.currentItem().text())
                                    .replace("%2", str(self.pdf.pageCount())))
        self._verify_current(path)
        self._update_buttons()

    def _verify_current(self, path: Path) -> None:
        """Describe the signatures of the shown PDF (verified in the background: pyHanko loads only then)."""
        self.signature_report = None
        self.signature_label.setText("")
        if not self.signable or not any(d.signatures for d in self.signable.values()):
            return                                 # nothing of this round is signed: no need to load pyHanko
        from desktop_app.core.signatures.verification import verify_with_workspace_roots

        self.signature_label.setText(self.tr("Checking the digital signatures…"))
        self.runner.run(verify_with_workspace_roots, path, read=True,
                        on_success=lambda report: self._verified(path, report),
                        on_failure=lambda exc: self.signature_label.setText(str(exc)))

    def _verified(self, path: Path, report) -> None:
        if path != self.current_pdf():
            return
        self.signature_report = report
        # One line (the preview keeps its room at 1366×768); each signature's details in the tooltip.
        signers = "; ".join(f"{sig.signer} ({sig.signed_at})" for sig in report.signatures)
        text = self.tr("Digital signatures: %1").replace("%1", report.summary)
        self.signature_label.setText(f"{text} — {signers}" if signers else text)
        self.signature_label.setToolTip("\n\n".join("\n".join(s.lines()) for s in report.signatures))

    def _clear_documents(self) -> None:
        self.document_list.clear()
        self.pdf.close()
        self.files, self.folder = [], None
        self.page_label.setText("")
        self.state_label.setText(self.tr("No documents yet."))

    def _drop_preview_dir(self) -> None:
        self.pdf.close()
        shutil.rmtree(self.preview_dir, ignore_errors=True)

    def _update_buttons(self, *_args) -> None:
        busy = self.busy
        has_round = self.current_round_id() is not None
        self.preview_button.setEnabled(has_round and not busy)
        st = self.selected_state()
        self.issue_button.setEnabled(has_round and not busy and st is not None and not st.issued
                                     and not st.waiting_for)
        doc = self.signable.get(st.code) if st is not None and st.issued else None
        self.sign_button.setEnabled(not busy and doc is not None and doc.next_role is not None)
        self.round_combo.setEnabled(not busy)
        self.settings_button.setEnabled(not busy)
        self.rules_button.setEnabled(not busy)
        has_pdf = self.current_pdf() is not None and self.pdf.pageCount() > 0
        self.print_button.setEnabled(has_pdf and not busy)
        self.save_button.setEnabled(bool(self.files) and not busy)
        folder = self.round_folder() if has_round else None
        self.open_button.setEnabled(folder is not None and folder.is_dir() and not busy)

    # --- print, save, open ---------------------------------------------------------------------------

    @staticmethod
    def a4_printer() -> QPrinter:
        return a4_printer()

    def print_current(self) -> None:
        if self.current_pdf() is None:
            return
        printer = a4_printer()
        printer.setDocName(self.current_pdf().stem)
        dialog = print_dialog(printer, self, self.tr("Print %1").replace("%1", self.document_list.currentItem().text()))
        if dialog.exec() == QPrintDialog.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render the pages of the shown PDF the printer asks for; returns the number of pages sent."""
        sent = print_pdf(self.pdf, printer)
        if sent == 0 and self.pdf.pageCount():
            QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not be started."))
        return sent

    def save_copy(self, folder: str | None = None) -> list[Path]:
        """Copy every file of the dossier (PDF and .docx) into a folder the officer chooses."""
        if not self.files:
            return []
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Save a copy of the dossier in…"))
            if not folder:
                return []
        try:
            written = core.save_files(((p.name, p.read_bytes()) for p in self.files), folder)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Dossier"), str(error))
            return []
        self.state_label.setText(self.tr("Copied %1 files to %2.").replace("%1", str(len(written)))
                                 .replace("%2", str(folder)))
        return written

    def open_folder(self) -> None:
        """The round's folder of issued documents in the workspace."""
        folder = self.round_folder()
        if folder is not None and folder.is_dir():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class IssueDialog(QDialog):
    """The issue step of one numbered document: the number from the commune's register and the signing date."""

    def __init__(self, parent, name: str, state, today):
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Issue %1").replace("%1", name))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Issue this document once it is signed. After issuing, its content is frozen: the "
                               "PDF and Word files are kept and printed exactly as issued, and the round can no "
                               "longer be edited (a change becomes a correction with new numbers)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        number_row = QHBoxLayout()
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("number_edit")
        self.number_edit.setValidator(QIntValidator(1, 99999, self))
        self.number_edit.setMaximumWidth(90)
        if state.proposed_number is not None:
            self.number_edit.setText(str(state.proposed_number))
        number_row.addWidget(self.number_edit)
        number_row.addWidget(QLabel("/" + state.series))
        number_row.addStretch()
        form.addRow(self.tr("Number:"), number_row)
        if state.proposed_number is not None:
            hint = self.tr("Proposed from the register kept by the app; change it if the records officer gave "
                           "another number.")
        else:
            hint = self.tr("Type the number the records officer (văn thư) gave in the register of outgoing "
                           "documents.")
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        form.addRow("", hint_label)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("date_edit")
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        when = state.fixed_date or state.proposed_date or today
        self.date_edit.setDate(QDate(when.year, when.month, when.day))
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        if state.earliest is not None:
            self.date_edit.setMinimumDate(QDate(state.earliest.year, state.earliest.month, state.earliest.day))
        if state.fixed_date is not None:
            self.date_edit.setEnabled(False)
            form.addRow(self.tr("Signing date:"), self.date_edit)
            form.addRow("", QLabel(self.tr("The minutes bear the date of the meeting.")))
        else:
            form.addRow(self.tr("Signing date:"), self.date_edit)
        if state.replaces:
            replaces = QLabel(self.tr("This document replaces No. %1; it says so in its text.")
                              .replace("%1", state.replaces))
            replaces.setWordWrap(True)
            form.addRow(self.tr("Correction:"), replaces)
        files = QLabel("\n".join(state.files))
        files.setWordWrap(True)
        form.addRow(self.tr("Files issued:"), files)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Issue"))
        self.ok_button.setObjectName("issue_ok")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.number_edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.ok_button.setEnabled(self.number_edit.hasAcceptableInput())

    def values(self):
        d = self.date_edit.date()
        return int(self.number_edit.text()), date(d.year(), d.month(), d.day())


class DocumentSettingsDialog(QDialog):
    """What the documents take from the commune rather than from code: place name, offices, base salary, register."""

    def __init__(self, parent, settings: dict, series: list[tuple[str, str]], year: int):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Document settings"))
        form = QFormLayout(self)
        self.place_edit = QLineEdit(settings.get("place", ""))
        self.place_edit.setPlaceholderText(self.tr("as the commune's name (e.g. “Phường 3” keeps “Phường”)"))
        form.addRow(self.tr("Place in the date line:"), self.place_edit)
        self.executors_edit = QLineEdit(settings.get("executors", ""))
        self.executors_edit.setPlaceholderText(self.tr("e.g. Văn phòng Ủy ban nhân dân xã"))
        form.addRow(self.tr("Offices that carry out a decision:"), self.executors_edit)
        self.recipients_edit = QPlainTextEdit(settings.get("recipients", ""))
        self.recipients_edit.setMaximumHeight(70)
        form.addRow(self.tr("Other recipients (one per line):"), self.recipients_edit)
        self.salary_edit = QLineEdit(str(settings.get("base_salary", "")))
        self.salary_edit.setValidator(QIntValidator(1, 999_999_999, self))
        form.addRow(self.tr("Base salary (đồng):"), self.salary_edit)
        self.register_check = QCheckBox(self.tr("The app keeps the register and proposes the next number"))
        self.register_check.setChecked(bool(settings.get("register_by_app")))
        form.addRow("", self.register_check)
        self.start = {k: dict(v) for k, v in settings.get("register_start", {}).items()}
        self.year = year
        self.start_edits = {}
        for code, series_ in series:
            edit = QLineEdit(str(self.start.get(series_, {}).get(str(year), "")))
            edit.setValidator(QIntValidator(1, 99999, self))
            edit.setPlaceholderText("1")
            edit.setMaximumWidth(90)
            self.start_edits[series_] = edit
            form.addRow(self.tr("First number in %1 — %2:").replace("%1", str(year)).replace("%2", code), edit)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        start = self.start
        for series_, edit in self.start_edits.items():
            if edit.text().strip():
                start.setdefault(series_, {})[str(self.year)] = int(edit.text())
            else:
                start.get(series_, {}).pop(str(self.year), None)
        salary = self.salary_edit.text().strip()
        return {"place": self.place_edit.text(), "executors": self.executors_edit.text(),
                "recipients": self.recipients_edit.toPlainText(), "base_salary": int(salary) if salary else None,
                "register_by_app": self.register_check.isChecked(), "register_start": start}
