<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ParticipantTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/participant_table_model.py" line="22"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_table_model.py" line="23"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_table_model.py" line="24"/>
        <source>Category</source>
        <translation>Thành phần</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_table_model.py" line="25"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_table_model.py" line="26"/>
        <source>Position / address</source>
        <translation>Chức vụ / địa chỉ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_table_model.py" line="27"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
</context>
</TS>
