<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="23"/>
        <source>Unexpected error</source>
        <translation>Lỗi không mong muốn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="26"/>
        <source>Sổ Thi đua met an unexpected error. Your saved data is safe; the form you were typing is kept as a draft. Please send the details below and the log file to the person who supports the software.</source>
        <translation>Sổ Thi đua gặp lỗi không mong muốn. Dữ liệu đã lưu vẫn an toàn; biểu mẫu đang nhập được giữ lại dưới dạng bản nháp. Vui lòng gửi nội dung chi tiết dưới đây và tệp nhật ký cho người hỗ trợ phần mềm.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="33"/>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="66"/>
        <source>Log file: %1</source>
        <translation>Tệp nhật ký: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="49"/>
        <source>Copy</source>
        <translation>Sao chép</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="51"/>
        <source>Save the error report to USB…</source>
        <translation>Lưu báo cáo lỗi ra USB…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="68"/>
        <source>Copied. Paste it (Ctrl+V) into a message to the person who supports the software.</source>
        <translation>Đã chép. Dán (Ctrl+V) vào tin nhắn gửi người hỗ trợ phần mềm.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="80"/>
        <source>Choose where to save the error report</source>
        <translation>Chọn nơi lưu báo cáo lỗi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="92"/>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="95"/>
        <source>The error report was not saved: %1</source>
        <translation>Chưa lưu được báo cáo lỗi: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="98"/>
        <source>The error report was saved: %1
Give this file to the person who supports the software.</source>
        <translation>Đã lưu báo cáo lỗi: %1
Hãy đưa tệp này cho người hỗ trợ phần mềm.</translation>
    </message>
</context>
</TS>
