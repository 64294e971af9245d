<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../desktop_app/ui/help_window.py" line="16"/>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/help_window.py" line="27"/>
        <source>The user guide is missing from this installation: %1</source>
        <translation>Bản cài đặt này thiếu tệp hướng dẫn sử dụng: %1</translation>
    </message>
</context>
</TS>
