<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>draft_recovery</name>
    <message>
        <location filename="../../desktop_app/ui/draft_recovery.py" line="97"/>
        <source>Recover unsaved data from %1?

%2</source>
        <translation>Khôi phục dữ liệu chưa lưu từ %1?

%2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/draft_recovery.py" line="102"/>
        <source>Unsaved data</source>
        <translation>Dữ liệu chưa lưu</translation>
    </message>
</context>
</TS>
