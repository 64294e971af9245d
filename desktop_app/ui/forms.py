"""Building blocks shared by every form: rows with an error label, date fields, and draft autosave."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.storage import drafts

from .date_picker import attach_calendar
from .layout import fit_to_screen, scroll_contents
from .operations import OperationRunner
from .signals import emit

AUTOSAVE_DELAY_MS = 400  # a pause this long in typing writes the draft
AUTOSAVE_MAX_DELAY_MS = 1000  # while typing without pause, the draft is still written this often


class FieldErrors(QObject):
    """Shows validation messages (Vietnamese, from core message codes) in red under each field."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}

    def add_row(self, form: QFormLayout, label: str, name: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet("color: #b00020;")
        error.hide()
        box.addWidget(error)
        form.addRow(label, holder)
        self._labels[name] = error
        self._widgets[name] = widget
        widget.setObjectName(name)
        return widget

    def clear(self) -> None:
        for name, label in self._labels.items():
            label.clear()
            label.hide()
            self._widgets[name].setStyleSheet("")

    def show(self, error: ValidationError) -> None:
        self.clear()
        first = None
        for name in error.fields:
            label = self._labels.get(name)
            if label is None:
                continue
            label.setText(error.field_text(name))
            label.show()
            self._widgets[name].setStyleSheet("border: 1px solid #b00020;")
            first = first or self._widgets[name]
        if first is not None:
            first.setFocus()
            window = first.window()
            # A dialog grows to show the messages (never beyond the screen: layout.fit_to_screen set its maximum);
            # a main window is never resized by a form inside it.
            if isinstance(window, QDialog):
                window.adjustSize()
            scroll = _scroll_area_of(first)
            if scroll is not None:
                scroll.ensureWidgetVisible(first)

    def text(self, name: str) -> str:
        label = self._labels.get(name)
        return label.text() if label and not label.isHidden() else ""


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def date_edit(placeholder: str | None = None) -> QLineEdit:
    """A date typed as dd/mm/yyyy — what officers know; checked by the core on save."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder or QCoreApplication.translate("forms", "dd/mm/yyyy"))
    edit.setMaxLength(10)
    attach_calendar(edit)
    return edit


def widget_value(widget: QWidget):
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    raise TypeError(type(widget))


def set_widget_value(widget: QWidget, value) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText("" if value is None else str(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index >= 0:
            widget.setCurrentIndex(index)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value or 0))


def change_signal(widget: QWidget):
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    raise TypeError(type(widget))


class DraftAutosave(QObject):
    """Writes the form to the draft table shortly after each change, and on demand.

    The draft is removed when the form is saved or deliberately discarded; if the app dies first,
    the next start offers it back ("Khôi phục dữ liệu chưa lưu từ …?").
    """

    saved = Signal()

    def __init__(self, runner: OperationRunner, form_key: str, title: str, collect, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.form_key = form_key
        self.title = title
        self._collect = collect
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._since_save = QElapsedTimer()
        self._since_save.start()
        self._pending = False
        self.dirty = False
        self.enabled = True
        self.failure: UserError | None = None   # the last failed draft write, until one succeeds

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            change_signal(widget).connect(self.changed)
            if isinstance(widget, QLineEdit):
                widget.editingFinished.connect(self.save_now)  # leaving a field writes it at once

    def changed(self, *_args) -> None:
        if not self.enabled:
            return
        self.dirty = True
        if not self._pending:
            self._since_save.restart()  # the oldest unsaved change starts the clock
        self._pending = True
        if self._since_save.elapsed() >= AUTOSAVE_MAX_DELAY_MS:
            self.save_now()
        else:
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if self.dirty and self.enabled and self._pending:
            # Collected here, on the GUI thread; written by the runner (writes keep their order: a draft
            # asked for before the Save is written before it, and the Save's transaction discards it).
            self.runner.run(drafts.save_draft, self.form_key, self.title, self._collect(),
                            on_success=self._draft_written, on_failure=self._draft_failed)
            self._pending = False

    def _draft_written(self, _result) -> None:
        self.failure = None
        emit(self.saved)

    def _draft_failed(self, error: UserError) -> None:
        """The draft could not be written (full disk, read-only file): say so once — not at every key — and keep
        trying; the text stays in the form."""
        first = self.failure is None
        self.failure = error
        self._pending = True
        if first:
            parent = self.parent() if isinstance(self.parent(), QWidget) else None
            QMessageBox.warning(parent, QCoreApplication.translate("forms", "Draft not saved"), str(error))

    def stop(self) -> None:
        """No more drafts from this form (it is being saved or closed)."""
        self._timer.stop()
        self.enabled = False

    def discard(self) -> None:
        self.stop()
        self.runner.run(drafts.discard_draft, self.form_key)
        self.dirty = False


class DraftFormDialog(QDialog):
    """A form dialog whose fields are kept as a draft while the officer types.

    Subclasses build `self.fields` and call `finish_form(...)`; they implement `values()`, `load(values)`,
    `draft_payload()` and `save()`; `save()` validates and calls `submit(op, …)`: the core operation stores the
    record and discards the draft in one transaction, on the runner; the dialog closes when it is done.
    """

    runner: OperationRunner
    saved_result = None

    def finish_form(self, layout, form_key: str, stored_values: dict | None, draft_values: dict | None) -> None:
        """The fields scroll inside the dialog above its status line and Save/Cancel buttons (always in view on a
        1366×768 screen); then the stored record, then the recovered draft over it, then autosave."""
        self.scroll = scroll_contents(layout)
        bottom = QHBoxLayout()
        self.save_state = QLabel()
        self.save_state.setObjectName("save_state")
        self.save_state.setStyleSheet("color: #555;")
        bottom.addWidget(self.save_state, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.autosave = DraftAutosave(self.runner, form_key, self.windowTitle(), self.draft_payload, self)
        self.autosave.saved.connect(self._draft_kept)
        self.autosave.enabled = False
        if stored_values is not None:
            self.load(stored_values)
        if draft_values:
            self.load(draft_values)
            self.autosave.dirty = True  # recovered text is not saved yet
        self.autosave.enabled = True
        self.autosave.watch(*self.fields.values())
        self._show_save_state()
        fit_to_screen(self, self.scroll)

    def _show_save_state(self) -> None:
        """One save model, said on screen: what is typed is kept as a draft until Save stores it."""
        self.save_state.setText(QCoreApplication.translate("forms", "Not saved yet: press Save to store it.")
                                if self.autosave.dirty else "")

    def _draft_kept(self) -> None:
        self.save_state.setText(QCoreApplication.translate(
            "forms", "Not saved yet — what you typed is kept as a draft (%1).").replace(
            "%1", datetime.now().strftime("%H:%M")))

    def submit(self, op, *args, **kwargs) -> None:
        """Run the saving operation (with this form's draft key) and close the dialog once it is stored."""
        self.autosave.stop()
        self.buttons.setEnabled(False)
        self.runner.run(op, *args, draft_key=self.autosave.form_key, parent=self, on_success=self._stored,
                        on_failure=self._not_stored, **kwargs)

    def _stored(self, result) -> None:
        self.saved_result = result
        self.autosave.dirty = False
        self.accept()

    def _not_stored(self, error: UserError) -> None:
        self.buttons.setEnabled(True)
        self.autosave.enabled = True
        if isinstance(error, ValidationError) and hasattr(self, "errors"):
            self.errors.show(error)
        else:
            QMessageBox.warning(self, self.windowTitle(), str(error))

    def reject(self) -> None:
        """Cancel asks before throwing typed text away; the draft goes only when the officer says so."""
        if self.autosave.dirty:
            answer = QMessageBox.question(
                self, QCoreApplication.translate("forms", "Discard changes?"),
                QCoreApplication.translate("forms", "The changes in this form have not been saved. Discard them?"))
            if answer != QMessageBox.Yes:
                return
        self.autosave.discard()
        super().reject()
