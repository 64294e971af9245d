<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../../desktop_app/ui/operations.py" line="144"/>
        <source>Sổ Thi đua</source>
        <translation>Sổ Thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/operations.py" line="160"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/operations.py" line="176"/>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
</context>
</TS>
