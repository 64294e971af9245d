<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ParticipantTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/participant_table_model.py" line="30"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_table_model.py" line="31"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_table_model.py" line="32"/>
        <source>Category</source>
        <translation>Thành phần</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_table_model.py" line="33"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_table_model.py" line="34"/>
        <source>Position / address</source>
        <translation>Chức vụ / địa chỉ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_table_model.py" line="35"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
</context>
</TS>
