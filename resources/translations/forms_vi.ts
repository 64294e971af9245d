<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>forms</name>
    <message>
        <location filename="../../desktop_app/ui/forms.py" line="74"/>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/forms.py" line="187"/>
        <source>Draft not saved</source>
        <translation>Chưa lưu được bản nháp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/forms.py" line="251"/>
        <source>Discard changes?</source>
        <translation>Bỏ các thay đổi?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/forms.py" line="252"/>
        <source>The changes in this form have not been saved. Discard them?</source>
        <translation>Các thay đổi trong biểu mẫu này chưa được lưu. Bỏ các thay đổi?</translation>
    </message>
</context>
</TS>
