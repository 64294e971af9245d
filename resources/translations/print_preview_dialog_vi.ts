<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="73"/>
        <source>%1 page(s), A4</source>
        <translation>%1 trang, khổ A4</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="50"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="51"/>
        <source>Save as PDF…</source>
        <translation>Lưu thành PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="54"/>
        <source>True size</source>
        <translation>Đúng cỡ thật</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="97"/>
        <source>Placing the text for the printer %1…</source>
        <translation>Đang đặt lại chữ cho máy in %1…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="125"/>
        <source>The printer could not be started.</source>
        <translation>Không khởi động được máy in.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="132"/>
        <source>Save the PDF in…</source>
        <translation>Lưu tệp PDF vào…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/print_preview_dialog.py" line="140"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
</TS>
