<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>forms</name>
    <message>
        <location filename="../../desktop_app/ui/forms.py" line="90"/>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/forms.py" line="204"/>
        <source>Draft not saved</source>
        <translation>Chưa lưu được bản nháp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/forms.py" line="257"/>
        <source>Not saved yet: press Save to store it.</source>
        <translation>Chưa lưu: bấm Lưu để lưu lại.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/forms.py" line="261"/>
        <source>Not saved yet — what you typed is kept as a draft (%1).</source>
        <translation>Chưa lưu — nội dung đã gõ được giữ làm bản nháp (lúc %1).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/forms.py" line="289"/>
        <source>Discard changes?</source>
        <translation>Bỏ các thay đổi?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/forms.py" line="290"/>
        <source>The changes in this form have not been saved. Discard them?</source>
        <translation>Các thay đổi trong biểu mẫu này chưa được lưu. Bỏ các thay đổi?</translation>
    </message>
</context>
</TS>
