"""No heading cut in half (issue 12, seen 11): on the 1366×768 screen every column heading of the register's award
history, the round's nominee and vote tables and the dossier's document list is as wide as its Vietnamese text, and
the award history's titles are shown whole (wrapped, not "Lao…")."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from desktop_app.core.nominations import rounds
from desktop_app.core.storage.models import Participant
from desktop_app.ui.layout import clipped_headings
from desktop_app.ui.main_window import MainWindow


def test_headings_of_the_commune_screens_are_whole(qtbot, session, runner, demo):
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.resize(1366, 696)
    window.show()
    qtbot.waitExposed(window)

    register = window.screen_named("participants")
    person = Participant.get(Participant.name == "Nông Thị Hoa")
    assert register.select_participant(person.id)
    runner.wait()
    panel = register.detail
    panel.tabs.setCurrentIndex(1)
    table = panel.award_table
    assert table.rowCount() >= 3
    assert clipped_headings(table) == []
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        title = table.item(row, 0).text()
        rect = table.visualItemRect(table.item(row, 0))
        lines = max(1, rect.height() // metrics.lineSpacing())
        # the whole title fits in the cell's lines (wrapped), never elided
        assert metrics.horizontalAdvance(title) <= rect.width() * lines, title

    window.show_screen("rounds")
    screen = window.screen_named("rounds")
    screen.select_round(rounds.find_round(session, 1).id)
    runner.wait()
    tabs = screen.findChild(QTabWidget)
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(10)
    assert clipped_headings(screen.nominee_table) == []
    assert clipped_headings(screen.votes_table) == []

    window.show_screen("dossier")
    dossier = window.screen_named("dossier")
    runner.wait()
    assert clipped_headings(dossier.state_table) == []
    table = dossier.state_table
    for row in range(table.rowCount()):
        item = table.item(row, 2)
        if item is None:
            continue
        rect = table.visualItemRect(item)
        need = table.fontMetrics().boundingRect(rect.adjusted(0, 0, -8, 0), 0x1000 | 0x0001, item.text()).height()
        assert rect.height() >= need, item.text()     # two-line "next step" rows are tall enough


def test_the_checklist_never_scrolls_sideways_on_a_narrow_window(qtbot, session, runner, demo):
    """Seen 11: the checklist scrolled sideways at 1200 px. The longest checklist of the demo, on a 1200 px wide
    window (and on the full 1366 px one): its criteria wrap; no horizontal scroll bar."""
    from desktop_app.core.nominations import checklists
    from desktop_app.core.storage.models import Checklist, Participant

    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.show()
    window.show_screen("checklists")
    screen = window.screen_named("checklists")
    person = Participant.get(Participant.name == "Hoàng Văn Thắng")
    checklist = Checklist.get((Checklist.participant == person.id)
                              & (Checklist.set_id == "bang_khen_tinh.ca_nhan.cong_trang"))
    assert checklists.get_checklist(session, checklist.id) is not None
    screen.open_checklist(checklist.id)
    runner.wait()
    for width in (1200, 1366):
        window.resize(width, 696)
        qtbot.wait(50)
        scroll = screen.panel.scroll
        assert scroll.widget() is not None and scroll.widget().isVisible()
        bar = scroll.horizontalScrollBar()
        assert bar.maximum() == 0, f"{width} px: the checklist scrolls {bar.maximum()} px sideways"
