<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>OutcomeScreen</name>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="34"/>
        <source>Decisions received, certificates and prize money</source>
        <translation>Quyết định khen thưởng, giấy khen và tiền thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="38"/>
        <source>Round:</source>
        <translation>Đợt đề nghị:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="49"/>
        <source>Nominee</source>
        <translation>Người được đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="49"/>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="49"/>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="50"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="50"/>
        <source>Text on the certificate / reason</source>
        <translation>Nội dung trên giấy khen / lý do</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="51"/>
        <source>Prize (đồng)</source>
        <translation>Tiền thưởng (đồng)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="65"/>
        <source>Enter a decision received…</source>
        <translation>Nhập quyết định nhận được…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="67"/>
        <source>Record the outcome…</source>
        <translation>Ghi kết quả…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="69"/>
        <source>Dossier returned for more information…</source>
        <translation>Hồ sơ bị trả lại…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="77"/>
        <source>Print the Giấy khen…</source>
        <translation>In giấy khen…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="79"/>
        <source>Calibration page…</source>
        <translation>Trang căn chỉnh…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="80"/>
        <source>Printer offset…</source>
        <translation>Độ lệch máy in…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="81"/>
        <source>Ceremony list…</source>
        <translation>Danh sách khen thưởng…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="83"/>
        <source>Prize payout list…</source>
        <translation>Danh sách chi tiền thưởng…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="85"/>
        <source>Save both lists as Excel…</source>
        <translation>Lưu hai danh sách ra Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="99"/>
        <source>Ceremony list</source>
        <translation>Danh sách khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="101"/>
        <source>Prize payout list</source>
        <translation>Danh sách chi tiền thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="114"/>
        <source>Round %1 (version %2) — %3</source>
        <translation>Đợt số %1 (lần %2) — %3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="138"/>
        <source>Not known yet</source>
        <translation>Chưa có kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="142"/>
        <source>Returned — to add: %1</source>
        <translation>Trả lại — cần bổ sung: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="157"/>
        <source>Decisions: %1</source>
        <translation>Quyết định: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="158"/>
        <source>%1 of %2 — %3</source>
        <translation>%1 ngày %2 — %3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="160"/>
        <source>No decision has come back for this round yet.</source>
        <translation>Đợt này chưa có quyết định nào trả về.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="163"/>
        <source>%1 awarded, %2 not awarded, %3 waiting for a decision.</source>
        <translation>%1 được khen thưởng, %2 không được khen thưởng, %3 đang chờ quyết định.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="206"/>
        <source>Decisions and certificates</source>
        <translation>Kết quả khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="213"/>
        <source>Print the Giấy khen</source>
        <translation>In giấy khen</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="214"/>
        <source>Print onto (the selected nominees, or everyone awarded):</source>
        <translation>In lên (những người đang chọn, hoặc tất cả người được khen):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="225"/>
        <source>Giấy khen — printer offset: right %1 mm, down %2 mm</source>
        <translation>Giấy khen — độ lệch máy in: sang phải %1 mm, xuống %2 mm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="234"/>
        <source>Calibration page</source>
        <translation>Trang căn chỉnh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="249"/>
        <source>Save the lists in…</source>
        <translation>Lưu các danh sách vào…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="260"/>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
</context>
</TS>
