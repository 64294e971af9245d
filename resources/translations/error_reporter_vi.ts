<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../desktop_app/ui/error_reporter.py" line="34" />
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
</context>
</TS>