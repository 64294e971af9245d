<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>BackgroundRunner</name>
    <message>
        <location filename="../../desktop_app/ui/background.py" line="69"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/background.py" line="122"/>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
</context>
</TS>
