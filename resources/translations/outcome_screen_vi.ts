<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>OutcomeScreen</name>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="35"/>
        <source>Decisions received, certificates and prize money</source>
        <translation>Quyết định khen thưởng, giấy khen và tiền thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="39"/>
        <source>Round:</source>
        <translation>Đợt đề nghị:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="50"/>
        <source>Nominee</source>
        <translation>Người được đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="50"/>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="50"/>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="51"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="51"/>
        <source>Text on the certificate / reason</source>
        <translation>Nội dung trên giấy khen / lý do</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="52"/>
        <source>Prize (đồng)</source>
        <translation>Tiền thưởng (đồng)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="74"/>
        <source>Enter a decision received…</source>
        <translation>Nhập quyết định nhận được…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="76"/>
        <source>Record the outcome…</source>
        <translation>Ghi kết quả…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="78"/>
        <source>Dossier returned for more information…</source>
        <translation>Hồ sơ bị trả lại…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="80"/>
        <source>Receive the province&apos;s return packet…</source>
        <translation>Nhận gói trả kết quả của Sở…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="82"/>
        <source>The signed packet the Sở Nội vụ sent back (SNV_tra_….zip): its decision or its request for more information is entered for you.</source>
        <translation>Gói đã ký do Sở Nội vụ gửi về (SNV_tra_….zip): quyết định khen thưởng hoặc yêu cầu bổ sung trong gói được ghi vào đợt đề nghị, không phải gõ lại.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="91"/>
        <source>Print the Giấy khen…</source>
        <translation>In giấy khen…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="93"/>
        <source>Calibration page…</source>
        <translation>Trang căn chỉnh…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="94"/>
        <source>Printer offset…</source>
        <translation>Độ lệch máy in…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="95"/>
        <source>Ceremony list…</source>
        <translation>Danh sách khen thưởng…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="97"/>
        <source>Prize payout list…</source>
        <translation>Danh sách chi tiền thưởng…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="99"/>
        <source>Save both lists as Excel…</source>
        <translation>Lưu hai danh sách ra Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="114"/>
        <source>Ceremony list</source>
        <translation>Danh sách khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="116"/>
        <source>Prize payout list</source>
        <translation>Danh sách chi tiền thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="129"/>
        <source>Round %1 (version %2) — %3</source>
        <translation>Đợt số %1 (lần %2) — %3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="153"/>
        <source>Not known yet</source>
        <translation>Chưa có kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="157"/>
        <source>Returned — to add: %1</source>
        <translation>Trả lại — cần bổ sung: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="172"/>
        <source>Decisions: %1</source>
        <translation>Quyết định: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="173"/>
        <source>%1 of %2 — %3</source>
        <translation>%1 ngày %2 — %3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="175"/>
        <source>No decision has come back for this round yet.</source>
        <translation>Đợt này chưa có quyết định nào trả về.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="178"/>
        <source>%1 awarded, %2 not awarded, %3 waiting for a decision.</source>
        <translation>%1 được khen thưởng, %2 không được khen thưởng, %3 đang chờ quyết định.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="212"/>
        <source>The province&apos;s return packet</source>
        <translation>Gói trả kết quả của Sở Nội vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="213"/>
        <source>Return packet (*.zip)</source>
        <translation>Gói trả kết quả (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="231"/>
        <source>Return packet received</source>
        <translation>Đã nhận gói trả kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="238"/>
        <source>The province&apos;s signing key</source>
        <translation>Khóa ký của Sở Nội vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="239"/>
        <source>Is it exactly the fingerprint printed on the Sở Nội vụ&apos;s letter? Compare it group by group.</source>
        <translation>Dấu vân tay này có giống hệt dấu vân tay in trên văn bản của Sở Nội vụ không? Hãy so từng nhóm bốn ký tự.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="241"/>
        <source>Same as on paper — trust and receive</source>
        <translation>Giống bản giấy — tin cậy và nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="242"/>
        <source>Not now</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="261"/>
        <source>Decisions and certificates</source>
        <translation>Kết quả khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="268"/>
        <source>Print the Giấy khen</source>
        <translation>In giấy khen</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="269"/>
        <source>Print onto (the selected nominees, or everyone awarded):</source>
        <translation>In lên (những người đang chọn, hoặc tất cả người được khen):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="282"/>
        <source>Giấy khen for the printer %3 — offset: right %1 mm, down %2 mm</source>
        <translation>Giấy khen cho máy in %3 — lệch phải %1 mm, xuống %2 mm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="295"/>
        <source>Calibration page</source>
        <translation>Trang căn chỉnh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="314"/>
        <source>Save the lists in…</source>
        <translation>Lưu các danh sách vào…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_screen.py" line="325"/>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
</context>
</TS>
