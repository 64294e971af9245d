<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>MigrateChecklistDialog</name>
    <message>
        <location filename="../../desktop_app/ui/checklist_dialog.py" line="22"/>
        <source>Move to the new criteria version</source>
        <translation>Chuyển sang phiên bản tiêu chuẩn mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_dialog.py" line="28"/>
        <source>The criteria “%1” changed from version %2 to version %3. A new checklist is made on the new version; this one stays as it was filled, read only.</source>
        <translation>Bộ tiêu chuẩn “%1” đã đổi từ phiên bản %2 sang phiên bản %3. Phiếu mới sẽ được lập theo phiên bản mới; phiếu này giữ nguyên như đã điền, chỉ để xem.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_dialog.py" line="39"/>
        <source>Move to the new version</source>
        <translation>Chuyển sang phiên bản mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_dialog.py" line="46"/>
        <source>Met</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_dialog.py" line="46"/>
        <source>Not met</source>
        <translation>Không đạt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_dialog.py" line="47"/>
        <source>Not applicable</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_dialog.py" line="47"/>
        <source>not answered</source>
        <translation>chưa trả lời</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_dialog.py" line="51"/>
        <source>Answers kept (%1)</source>
        <translation>Câu trả lời được giữ lại (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_dialog.py" line="52"/>
        <source>To answer again (%1)</source>
        <translation>Cần đánh giá lại (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_dialog.py" line="53"/>
        <source>Earlier answers not carried over (%1)</source>
        <translation>Câu trả lời cũ không chuyển sang (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_dialog.py" line="62"/>
        <source>new criterion</source>
        <translation>tiêu chuẩn mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_dialog.py" line="62"/>
        <source>wording changed</source>
        <translation>nội dung đã sửa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_dialog.py" line="65"/>
        <source>Before: %1</source>
        <translation>Trước đây: %1</translation>
    </message>
</context>
</TS>
