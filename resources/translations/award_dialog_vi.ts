<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>EditAwardDialog</name>
    <message>
        <location filename="../../desktop_app/ui/award_dialog.py" line="22"/>
        <source>Award history of %1</source>
        <translation>Lịch sử khen thưởng của %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/award_dialog.py" line="32"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/award_dialog.py" line="34"/>
        <source>Title / form</source>
        <translation>Danh hiệu / hình thức</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/award_dialog.py" line="39"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/award_dialog.py" line="40"/>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/award_dialog.py" line="42"/>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/award_dialog.py" line="43"/>
        <source>Issued by</source>
        <translation>Cấp ra quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/award_dialog.py" line="47"/>
        <source>Award type</source>
        <translation>Loại khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/award_dialog.py" line="48"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
</TS>
