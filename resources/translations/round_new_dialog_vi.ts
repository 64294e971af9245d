<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>NewRoundDialog</name>
    <message>
        <location filename="../../desktop_app/ui/round_new_dialog.py" line="21"/>
        <source>New nomination round</source>
        <translation>Tạo đợt đề nghị mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_new_dialog.py" line="30"/>
        <source>Emulation movement</source>
        <translation>Phong trào thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_new_dialog.py" line="33"/>
        <source>Date of the round</source>
        <translation>Ngày của đợt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_new_dialog.py" line="35"/>
        <source>e.g. Proposal for the digital transformation movement 2022–2025</source>
        <translation>ví dụ: Đề nghị khen thưởng phong trào chuyển đổi số giai đoạn 2022–2025</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_new_dialog.py" line="36"/>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
</context>
</TS>
