<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ParticipantDetailPanel</name>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="75"/>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="138"/>
        <source>Choose a participant in the list.</source>
        <translation>Chọn một người hoặc tập thể trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="85"/>
        <source>Achievement</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="85"/>
        <source>Period</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="85"/>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="90"/>
        <source>Add achievement…</source>
        <translation>Thêm thành tích…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="92"/>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="112"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="94"/>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="114"/>
        <source>Archive</source>
        <translation>Lưu trữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="100"/>
        <source>Achievements</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="104"/>
        <source>Title / form</source>
        <translation>Danh hiệu / hình thức</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="104"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="104"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="104"/>
        <source>Type</source>
        <translation>Khen theo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="105"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="110"/>
        <source>Add to award history…</source>
        <translation>Thêm vào lịch sử khen thưởng…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="120"/>
        <source>Award history</source>
        <translation>Lịch sử khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="146"/>
        <source>%1 members, %2 women</source>
        <translation>%1 thành viên, %2 nữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="154"/>
        <source>Archived</source>
        <translation>Đã lưu trữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_detail_panel.py" line="157"/>
        <source>Has a blocking circumstance</source>
        <translation>Đang có vướng mắc (kỷ luật / thanh tra / khiếu nại): chưa được khen thưởng</translation>
    </message>
</context>
</TS>
