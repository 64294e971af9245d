<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="32"/>
        <source>%1 page(s), A4</source>
        <translation>%1 trang, khổ A4</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="41"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="42"/>
        <source>Save as PDF…</source>
        <translation>Lưu thành PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="45"/>
        <source>True size</source>
        <translation>Đúng cỡ thật</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="68"/>
        <source>The printer could not be started.</source>
        <translation>Không khởi động được máy in.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="72"/>
        <source>Save the PDF in…</source>
        <translation>Lưu tệp PDF vào…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="80"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
</TS>
