<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../desktop_app/ui/round_correction_dialog.py" line="18"/>
        <source>Correction of round %1</source>
        <translation>Điều chỉnh đợt đề nghị số %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_correction_dialog.py" line="21"/>
        <source>Version %1 stays as it was sent. A new version %2 is made from it, which you can edit; it records why it replaces the old one.</source>
        <translation>Lần %1 được giữ nguyên như đã gửi. Lần %2 được tạo từ đó để sửa; lần mới ghi rõ lý do thay thế lần cũ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_correction_dialog.py" line="26"/>
        <source>Reason for the correction (required)</source>
        <translation>Lý do điều chỉnh (bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_correction_dialog.py" line="35"/>
        <source>Create version %1</source>
        <translation>Tạo lần %1</translation>
    </message>
</context>
</TS>
