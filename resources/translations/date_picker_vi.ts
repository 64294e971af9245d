<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>date_picker</name>
    <message>
        <location filename="../../desktop_app/ui/date_picker.py" line="66"/>
        <source>Choose the date on a calendar</source>
        <translation>Chọn ngày trên lịch</translation>
    </message>
</context>
</TS>
