<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ParticipantListScreen</name>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="30"/>
        <source>Search by name, position, achievement… (accents not needed)</source>
        <translation>Tìm theo tên, chức vụ, thành tích… (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="35"/>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="36"/>
        <source>Collectives</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="37"/>
        <source>Individuals</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="39"/>
        <source>Show archived</source>
        <translation>Xem mục đã lưu trữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="45"/>
        <source>+ Individual</source>
        <translation>+ Cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="46"/>
        <source>+ Collective</source>
        <translation>+ Tập thể</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="47"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="48"/>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="113"/>
        <source>Archive</source>
        <translation>Lưu trữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="113"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="128"/>
        <source>counting…</source>
        <translation>đang đếm…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="132"/>
        <source>more than %1 found</source>
        <translation>hơn %1 kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="134"/>
        <source>%1 found</source>
        <translation>%1 kết quả</translation>
    </message>
</context>
</TS>
