"""The kinds of list the app reads from and writes to Excel, with their Vietnamese names (a module of its own:
the window's menus name them at start without loading the column matching and the legacy-encoding tables)."""

INDIVIDUALS, COLLECTIVES, ACHIEVEMENTS, AWARDS = "individuals", "collectives", "achievements", "awards"
REGISTRATIONS = "registrations"
LIST_KINDS = {
    INDIVIDUALS: "Danh sách cá nhân",
    COLLECTIVES: "Danh sách tập thể",
    ACHIEVEMENTS: "Thành tích",
    AWARDS: "Lịch sử khen thưởng (danh hiệu, hình thức, xếp loại)",
    REGISTRATIONS: "Đăng ký thi đua (danh hiệu, hình thức đăng ký)",
}
