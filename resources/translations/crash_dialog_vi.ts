<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="19"/>
        <source>Unexpected error</source>
        <translation>Lỗi không mong muốn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="22"/>
        <source>Sổ Thi đua met an unexpected error. Your saved data is safe; the form you were typing is kept as a draft. Please send the details below and the log file to the person who supports the software.</source>
        <translation>Sổ Thi đua gặp lỗi không mong muốn. Dữ liệu đã lưu vẫn an toàn; biểu mẫu đang nhập được giữ lại dưới dạng bản nháp. Vui lòng gửi nội dung chi tiết dưới đây và tệp nhật ký cho người hỗ trợ phần mềm.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="29"/>
        <source>Log file: %1</source>
        <translation>Tệp nhật ký: %1</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../desktop_app/ui/crash_dialog.py" line="57"/>
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
</context>
</TS>
