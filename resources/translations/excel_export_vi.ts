<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>excel_export</name>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="38"/>
        <source>Saved: %1</source>
        <translation>Đã ghi: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="43"/>
        <source>Export the list to Excel</source>
        <translation>Xuất danh sách ra Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="48"/>
        <location filename="../../desktop_app/ui/excel_export.py" line="57"/>
        <source>Writing the list…</source>
        <translation>Đang ghi danh sách…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="52"/>
        <source>Export the award history to Excel</source>
        <translation>Xuất lịch sử khen thưởng ra Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="61"/>
        <source>Export a round&apos;s list to Excel</source>
        <translation>Xuất danh sách đề nghị của một đợt ra Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="64"/>
        <source>There is no nomination round yet.</source>
        <translation>Chưa có đợt đề nghị nào.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="66"/>
        <source>Round %1 (version %2), %3 — %4 nominees</source>
        <translation>Đợt %1 (lần %2), %3 — %4 người/tập thể</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="69"/>
        <source>Round:</source>
        <translation>Đợt:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="81"/>
        <source>Export the checklist results to Excel</source>
        <translation>Xuất kết quả phiếu tiêu chuẩn ra Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="94"/>
        <source>Blank Excel template</source>
        <translation>Tải mẫu Excel</translation>
    </message>
</context>
</TS>
