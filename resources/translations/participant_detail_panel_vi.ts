<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ParticipantDetailPanel</name>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="42"/>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="98"/>
        <source>Choose a participant in the list.</source>
        <translation>Chọn một người hoặc tập thể trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="52"/>
        <source>Achievement</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="52"/>
        <source>Period</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="52"/>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="57"/>
        <source>Add achievement…</source>
        <translation>Thêm thành tích…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="59"/>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="79"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="61"/>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="81"/>
        <source>Archive</source>
        <translation>Lưu trữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="67"/>
        <source>Achievements</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="71"/>
        <source>Title / form</source>
        <translation>Danh hiệu / hình thức</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="71"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="71"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="71"/>
        <source>Type</source>
        <translation>Loại khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="72"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="77"/>
        <source>Add to award history…</source>
        <translation>Thêm vào lịch sử khen thưởng…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="87"/>
        <source>Award history</source>
        <translation>Lịch sử khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="106"/>
        <source>%1 members, %2 women</source>
        <translation>%1 thành viên, %2 nữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="111"/>
        <source>Archived</source>
        <translation>Đã lưu trữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="114"/>
        <source>Has a blocking circumstance</source>
        <translation>Đang có vướng mắc (kỷ luật / thanh tra / khiếu nại): chưa được khen thưởng</translation>
    </message>
</context>
</TS>
