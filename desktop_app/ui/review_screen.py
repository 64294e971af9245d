"""ReviewScreen ("Thẩm định hồ sơ"): the receiving level's dashboard of every commune (last packet, rounds waiting,
returned and decided, the nearest deadline, the officer in charge; filters and an .xlsx export), and the review of a
commune's rounds — take into review, return for more information with the reasons, mark ready, record the decision
with the outcome per nominee, write the signed return packet. What an officer may do is decided by the database
(PostgreSQL grants); a refused action comes back as a message, the buttons only guide."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app.core.changes import Topic, touches
from desktop_app.core.dates import current_date, format_vn_date, format_vn_datetime
from desktop_app.core.exchange import returns
from desktop_app.core.exchange.receiving import review as rv
from desktop_app.core.exchange.receiving import round_document_files
from desktop_app.core.nominations import rounds
from desktop_app.core.vocabulary import (DECIDED, NOMINATION_FORMS, NOMINEE_OUTCOMES, READY, RECEIVED, RETURNED,
                                         REVIEW_STATES, SUPERSEDED, UNDER_REVIEW)

from .layout import fit_to_screen, scroll_contents
from .operations import OperationRunner


def _item(text, key=None) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setToolTip(item.text())
    if key is not None:
        item.setData(Qt.UserRole, key)
    return item


def _fill(table: QTableWidget, rows: list[tuple], keys: list) -> None:
    """Fill a table; its columns are measured once at the end (a column sized to its contents re-measures every row
    on each cell set: 92 communes × 8 cells took 50 ms per keystroke in the filter)."""
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(c) for c in range(table.columnCount())]
    header.setSectionResizeMode(QHeaderView.Interactive)
    table.setUpdatesEnabled(False)
    try:
        table.setRowCount(len(rows))
        for r, (values, key) in enumerate(zip(rows, keys)):
            for c, value in enumerate(values):
                table.setItem(r, c, _item(value, key))
    finally:
        for c, mode in enumerate(modes):
            header.setSectionResizeMode(c, mode)
        table.setUpdatesEnabled(True)


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ReviewScreen(QWidget):
    def __init__(self, runner: OperationRunner, parent: QWidget | None = None, ask_folder=None, ask_pdf=None,
                 ask_xlsx=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        # file choosers (tests pass their own: a native dialog cannot be clicked offscreen)
        self.ask_folder = ask_folder or (lambda: QFileDialog.getExistingDirectory(self, self.tr("Write the return packet to")))
        self.ask_pdf = ask_pdf or (lambda: QFileDialog.getOpenFileName(self, self.tr("The signed decision (PDF)"), "",
                                                                       "PDF (*.pdf)")[0])
        self.ask_xlsx = ask_xlsx or (lambda: QFileDialog.getSaveFileName(self, self.tr("Export to Excel"),
                                                                         "theo-doi-ho-so.xlsx", "Excel (*.xlsx)")[0])
        self.all_rows: list[rv.CommuneRow] = []   # read from the database on a change notice
        self._filled: list[rv.CommuneRow] | None = None   # the rows the table holds (filters hide, never refill)
        self.mine_codes: set[str] = set()
        self.rows: list[rv.CommuneRow] = []       # what the filters leave, on screen
        self.shown_code: str | None = None
        # The chosen commune's rounds load once typing in the filter pauses: a keystroke only filters the table.
        self.details_timer = QTimer(self)
        self.details_timer.setSingleShot(True)
        self.details_timer.setInterval(250)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("commune_search")
        self.search.setPlaceholderText(self.tr("Find a commune (name or code)"))
        self.state = QComboBox()
        self.state.setObjectName("state_filter")
        self.state.addItem(self.tr("All states"), None)
        for term in REVIEW_STATES:
            self.state.addItem(term.name, term.code)
        self.mine = QCheckBox(self.tr("Only my communes"))
        self.mine.setObjectName("only_mine")
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("export_xlsx")
        bar.addWidget(self.search, 2)
        bar.addWidget(self.state, 1)
        bar.addWidget(self.mine)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        # The dashboard across the whole width (every column visible at 1366×768), the chosen commune below.
        splitter = QSplitter(Qt.Vertical)
        self.communes = _table("communes", [self.tr("Code"), self.tr("Commune"), self.tr("Last packet"),
                                            self.tr("Waiting"), self.tr("Returned"), self.tr("Decided"),
                                            self.tr("Deadline"), self.tr("Officer")])
        splitter.addWidget(self.communes)
        below = QWidget()
        bl = QVBoxLayout(below)
        bl.setContentsMargins(0, 0, 0, 0)
        self.commune_title = QLabel(self.tr("Choose a commune in the table above."))
        self.commune_title.setObjectName("commune_title")
        self.commune_title.setWordWrap(True)
        bl.addWidget(self.commune_title)
        tables = QHBoxLayout()
        self.reviews = _table("reviews", [self.tr("Round"), self.tr("State"), self.tr("Deadline"), self.tr("Reason")])
        tables.addWidget(self.reviews, 1)
        self.nominees = _table("nominees", [self.tr("Nominee"), self.tr("Award proposed"), self.tr("Votes for / against")])
        # names in full; the long award names give way (shown elided, whole in the tooltip)
        self.nominees.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.nominees.horizontalHeader().setStretchLastSection(False)
        tables.addWidget(self.nominees, 1)
        bl.addLayout(tables, 1)
        # The digital signatures on the round's documents (issue 17), checked in the background.
        self.signatures = QLabel()
        self.signatures.setObjectName("review_signatures")
        self.signatures.setWordWrap(True)
        self.signatures.setTextFormat(Qt.PlainText)
        self._signatures_for: int | None = None
        bl.addWidget(self.signatures)
        buttons = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start review"))
        self.start_button.setObjectName("start_review")
        self.more_button = QPushButton(self.tr("Ask for more…"))
        self.more_button.setObjectName("request_more")
        self.ready_button = QPushButton(self.tr("Ready to submit"))
        self.ready_button.setObjectName("mark_ready")
        self.decide_button = QPushButton(self.tr("Record the decision…"))
        self.decide_button.setObjectName("record_decision")
        self.return_button = QPushButton(self.tr("Write the return packet…"))
        self.return_button.setObjectName("write_return")
        for b in (self.start_button, self.more_button, self.ready_button, self.decide_button, self.return_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        bl.addLayout(buttons)
        splitter.addWidget(below)
        splitter.setSizes([300, 380])
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self.apply_filters)
        self.state.currentIndexChanged.connect(self.apply_filters)
        self.mine.toggled.connect(self.apply_filters)
        self.export_button.clicked.connect(self.export)
        self.communes.currentCellChanged.connect(lambda *_: self._commune_changed())
        self.details_timer.timeout.connect(self._commune_changed)
        self.reviews.currentCellChanged.connect(lambda *_: self._show_review())
        self.start_button.clicked.connect(lambda: self._act(rv.start_review))
        self.ready_button.clicked.connect(lambda: self._act(rv.mark_ready))
        self.more_button.clicked.connect(self.ask_more)
        self.decide_button.clicked.connect(self.decide)
        self.return_button.clicked.connect(self.write_return)
        runner.notifier.changed.connect(self._on_changed)
        self.refresh()

    # --- lists ---------------------------------------------------------------------------------------------
    def _on_changed(self, changes) -> None:
        if touches(changes, Topic.REVIEWS, Topic.PACKETS, Topic.ROUNDS):
            self.refresh()

    def refresh(self) -> None:
        """Read the dashboard again (a change notice) and fill the table once; the filters then only hide rows."""
        self.all_rows = rv.dashboard(self.session)
        self.mine_codes = rv.my_commune_codes(self.session)
        self.shown_code = None   # the chosen commune's rounds may have changed too
        self._fill_communes()
        self.apply_filters()

    def _fill_communes(self) -> None:
        today = self.session.clock.today()
        values = []
        for r in self.all_rows:
            deadline = format_vn_date(r.next_deadline) if r.next_deadline else ""
            if rv.overdue(r, today):
                deadline += " " + self.tr("(overdue)")
            values.append((r.code, r.name, format_vn_datetime(r.last_packet_at) if r.last_packet_at else "",
                           r.waiting, r.returned, r.decided, deadline, r.officer))
        self.communes.blockSignals(True)
        _fill(self.communes, values, [r.code for r in self.all_rows])
        self.communes.blockSignals(False)
        self._filled = self.all_rows

    def apply_filters(self) -> None:
        """A filter changed: nothing is read from the database and no cell is made again — the rows that do not
        match are hidden (p95 ≤ 50 ms on a province's 92 communes)."""
        if self._filled is not self.all_rows:
            self._fill_communes()      # rows set from outside (a test, the bench): shown as given
        code = self.current_code() or self.shown_code
        codes = self.mine_codes if self.mine.isChecked() and self.mine_codes else None
        self.rows = rv.filter_rows(self.all_rows, search=self.search.text(), state=self.state.currentData(),
                                   codes=codes)
        visible = {r.code for r in self.rows}
        self.communes.setUpdatesEnabled(False)
        try:
            for i, r in enumerate(self.all_rows):
                self.communes.setRowHidden(i, r.code not in visible)
        finally:
            self.communes.setUpdatesEnabled(True)
        target = next((i for i, r in enumerate(self.all_rows) if r.code == code and r.code in visible), None)
        if target is None:
            target = next((i for i, r in enumerate(self.all_rows) if r.code in visible), -1)
        self.communes.blockSignals(True)
        if target >= 0:
            self.communes.setCurrentCell(target, 0)
        else:
            self.communes.setCurrentCell(-1, -1)
            self.communes.clearSelection()
        self.communes.blockSignals(False)
        if self.shown_code is None:
            self._commune_changed()          # a change notice: show the chosen commune again at once
        else:
            self.details_timer.start()

    def _commune_changed(self) -> None:
        if self.current_code() != self.shown_code or self.shown_code is None:
            self.shown_code = self.current_code()
            self._show_commune()

    def current_code(self) -> str | None:
        row = self.communes.currentRow()
        if row < 0 or self.communes.isRowHidden(row):
            return None
        item = self.communes.item(row, 0)
        return item.data(Qt.UserRole) if item is not None else None

    def current_review(self):
        row = self.reviews.currentRow()
        item = self.reviews.item(row, 0) if row >= 0 else None
        return rv.get_review(self.session, item.data(Qt.UserRole)) if item is not None else None

    def _show_commune(self) -> None:
        code = self.current_code()
        row = next((r for r in self.rows if r.code == code), None)
        self.commune_title.setText(
            self.tr("%1 (code %2) — officer in charge: %3").replace("%1", row.name).replace("%2", row.code).replace(
                "%3", row.officer or self.tr("not assigned")) if row else self.tr("Choose a commune in the table above."))
        reviews = rv.reviews_of_commune(self.session, code) if code else []
        keep = self.current_review()
        values = []
        for review in reviews:
            rnd = review.round
            title = self.tr("Round %1, version %2").replace("%1", str(rnd.number)).replace("%2", str(rnd.version))
            state = REVIEW_STATES.name(review.state)
            if rnd.status == SUPERSEDED:
                state += " — " + self.tr("replaced by a newer version")
            values.append((title, state, format_vn_date(review.deadline) if review.deadline else "", review.reason))
        self.reviews.blockSignals(True)
        _fill(self.reviews, values, [r.id for r in reviews])
        self.reviews.blockSignals(False)
        if reviews:
            ids = [r.id for r in reviews]
            self.reviews.setCurrentCell(ids.index(keep.id) if keep is not None and keep.id in ids else len(ids) - 1, 0)
        self._show_review()

    def _show_review(self) -> None:
        review = self.current_review()
        nominees = rounds.nominees_of(self.session, review.round_id) if review else []
        values = []
        for n in nominees:
            form = NOMINATION_FORMS.get(n.award_form)
            votes = "" if n.votes_for is None else f"{n.votes_for} / {n.votes_against or 0}"
            values.append((n.participant.name, form.name if form else n.award_form, votes))
        _fill(self.nominees, values, [n.id for n in nominees])
        self._verify_signatures(review.round_id if review else None)
        state = review.state if review else None
        live = review is not None and review.round.status != SUPERSEDED
        self.start_button.setEnabled(live and state in (RECEIVED, RETURNED))
        self.more_button.setEnabled(live and state == UNDER_REVIEW)
        self.ready_button.setEnabled(live and state == UNDER_REVIEW)
        self.decide_button.setEnabled(live and state == READY)
        self.return_button.setEnabled(review is not None and state in (RETURNED, DECIDED))

    def _verify_signatures(self, round_id: int | None) -> None:
        """Each PDF of the round checked for digital signatures against the roots installed here (pyHanko loads
        only now, on a worker thread)."""
        if round_id == self._signatures_for and round_id is not None:
            return
        self._signatures_for = round_id
        if round_id is None:
            self.signatures.setText("")
            return
        pdfs = [p for p in round_document_files(self.session, round_id) if p.suffix.lower() == ".pdf"]
        if not pdfs:
            self.signatures.setText(self.tr("Digital signatures: the round has no PDF document."))
            return
        from desktop_app.core.signatures.verification import verify_many  # noqa: PLC0415 (pyHanko on demand)

        self.signatures.setText(self.tr("Checking the digital signatures of the documents…"))
        self.runner.run(verify_many, pdfs, read=True,
                        on_success=lambda reports: self._signatures_checked(round_id, pdfs, reports),
                        on_failure=lambda exc: self.signatures.setText(str(exc)))

    def _signatures_checked(self, round_id: int, pdfs, reports) -> None:
        if round_id != self._signatures_for:
            return                       # another round was chosen meanwhile
        signed = [r for r in reports if r.signatures]
        good = [r for r in signed if r.ok]
        lines = [self.tr("Digital signatures: %1 of %2 PDF documents signed, %3 of them valid and trusted.")
                 .replace("%1", str(len(signed))).replace("%2", str(len(reports))).replace("%3", str(len(good)))]
        lines += [f"• {p.name}: {r.summary}" for p, r in zip(pdfs, reports, strict=True) if r.signatures]
        self.signatures.setText("\n".join(lines[:5]) + ("\n…" if len(lines) > 5 else ""))
        self.signatures.setToolTip("\n".join(lines))

    # --- actions ---------------------------------------------------------------------------------------------
    def _act(self, op, *args, **kwargs) -> None:
        review = self.current_review()
        if review is not None:
            self.runner.run(op, review.id, *args, parent=self, **kwargs)

    def ask_more(self) -> None:
        review = self.current_review()
        if review is None:
            return
        dialog = RequestMoreDialog(rounds.nominees_of(self.session, review.round_id), self)
        if dialog.exec():
            self._act(rv.request_more, dialog.reasons())

    def decide(self) -> None:
        review = self.current_review()
        if review is None:
            return
        dialog = ProvinceDecisionDialog(rounds.nominees_of(self.session, review.round_id), self.ask_pdf, self,
                                        today=self.session.clock.today())
        if dialog.exec():
            self._act(rv.record_decision, **dialog.values())

    def write_return(self) -> None:
        review = self.current_review()
        folder = self.ask_folder() if review is not None else ""
        if not folder:
            return

        def done(written) -> None:
            QMessageBox.information(self, self.tr("Return packet written"), self.tr(
                "%1\nSigned by the key with fingerprint:\n%2").replace("%1", str(written.path)).replace(
                "%2", written.signer_fingerprint))

        self.runner.run(returns.write_return_packet, review.id, folder, parent=self, on_success=done)

    def export(self) -> None:
        """The rows on screen as .xlsx: written here on the window's thread — a few hundred rows, no database
        change (openpyxl's lxml must not build a workbook while the window's thread collects garbage: a
        segmentation fault seen with PySide6 6.12 when it ran on the runner's worker)."""
        path = self.ask_xlsx()
        if not path:
            return
        try:
            rv.export_dashboard(list(self.rows), path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export to Excel"), self.tr("Could not write %1: %2").replace(
                "%1", path).replace("%2", exc.strerror or str(exc)))


class RequestMoreDialog(QDialog):
    """What the commune must add: a reason per nominee (any of them), and about the round or a document."""

    def __init__(self, nominees, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ask the commune for more information"))
        self.nominees = list(nominees)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Write what is missing next to each nominee concerned (leave the others "
                                        "empty), or for the round as a whole.")))
        form = QFormLayout()
        self.edits: list[QLineEdit] = []
        for n in self.nominees:
            edit = QLineEdit()
            edit.setObjectName(f"reason_{n.id}")
            self.edits.append(edit)
            form.addRow(n.participant.name, edit)
        self.document = QLineEdit()
        self.document.setObjectName("reason_document")
        self.document.setPlaceholderText(self.tr("e.g. the minutes (Biên bản)"))
        self.general = QLineEdit()
        self.general.setObjectName("reason_general")
        form.addRow(self.tr("Document concerned"), self.document)
        form.addRow(self.tr("About the round"), self.general)
        layout.addLayout(form)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        fit_to_screen(self, scroll_contents(layout, keep_last=1), min_width=560)

    def reasons(self) -> list[rv.ReturnReason]:
        out = [rv.ReturnReason(e.text(), n.id) for n, e in zip(self.nominees, self.edits) if e.text().strip()]
        if self.general.text().strip():
            out.append(rv.ReturnReason(self.general.text(), None, self.document.text()))
        return out

    def _accept(self) -> None:
        if not self.reasons():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Write at least one reason."))
            return
        self.accept()


class ProvinceDecisionDialog(QDialog):
    """The province's decision: number, date, signer, the signed PDF, and the outcome of every nominee."""

    def __init__(self, nominees, ask_pdf, parent=None, today=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record the decision"))
        today = today or current_date()         # the day in Vietnam, as every date the app proposes
        self.nominees = list(nominees)
        self.ask_pdf = ask_pdf
        self.pdf = ""
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.number = QLineEdit()
        self.number.setObjectName("decision_number")
        self.number.setPlaceholderText("123/QĐ-UBND")
        self.decided_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.decided_on.setObjectName("decided_on")
        self.decided_on.setDisplayFormat("dd/MM/yyyy")
        self.decided_on.setCalendarPopup(True)
        self.signer = QLineEdit()
        self.signer.setObjectName("signer")
        self.signer_title = QLineEdit("CHỦ TỊCH")
        self.signer_title.setObjectName("signer_title")
        pdf_row = QHBoxLayout()
        self.pdf_label = QLabel(self.tr("no file chosen"))
        self.pdf_label.setObjectName("pdf_label")
        self.pdf_button = QPushButton(self.tr("Choose the PDF…"))
        self.pdf_button.setObjectName("choose_pdf")
        self.pdf_button.clicked.connect(self._choose_pdf)
        pdf_row.addWidget(self.pdf_label, 1)
        pdf_row.addWidget(self.pdf_button)
        form.addRow(self.tr("Decision number"), self.number)
        form.addRow(self.tr("Signed on"), self.decided_on)
        form.addRow(self.tr("Signer"), self.signer)
        form.addRow(self.tr("Signer's title"), self.signer_title)
        form.addRow(self.tr("Signed decision (PDF)"), pdf_row)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Outcome for each nominee (a reason is needed when not awarded)")))
        outcomes = QFormLayout()
        self.outcomes: list[tuple[QComboBox, QLineEdit]] = []
        for n in self.nominees:
            combo = QComboBox()
            combo.setObjectName(f"outcome_{n.id}")
            for term in NOMINEE_OUTCOMES:
                combo.addItem(term.name, term.code)
            reason = QLineEdit()
            reason.setObjectName(f"outcome_reason_{n.id}")
            reason.setPlaceholderText(self.tr("reason if not awarded"))
            row = QHBoxLayout()
            row.addWidget(combo)
            row.addWidget(reason, 1)
            outcomes.addRow(n.participant.name, row)
            self.outcomes.append((combo, reason))
        layout.addLayout(outcomes)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        fit_to_screen(self, scroll_contents(layout, keep_last=1), min_width=640)

    def _choose_pdf(self) -> None:
        path = self.ask_pdf()
        if path:
            self.pdf = path
            self.pdf_label.setText(Path(path).name)

    def values(self) -> dict:
        d = self.decided_on.date()
        return {"number": self.number.text(), "decided_on": date(d.year(), d.month(), d.day()),
                "signer": self.signer.text(), "signer_title": self.signer_title.text(),
                "outcomes": {n.id: (combo.currentData(), reason.text())
                             for n, (combo, reason) in zip(self.nominees, self.outcomes)},
                "decision_pdf": self.pdf or "?"}
