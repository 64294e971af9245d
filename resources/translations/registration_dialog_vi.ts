<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>RegistrationDialog</name>
    <message>
        <location filename="../../desktop_app/ui/registration_dialog.py" line="28"/>
        <source>Emulation registration</source>
        <translation>Đăng ký thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_dialog.py" line="38"/>
        <source>Campaign</source>
        <translation>Phong trào thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_dialog.py" line="41"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_dialog.py" line="44"/>
        <source>Find a collective or a person (accents not needed)</source>
        <translation>Tìm tập thể hoặc cá nhân (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_dialog.py" line="45"/>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_dialog.py" line="49"/>
        <source>Who registers</source>
        <translation>Tập thể, cá nhân đăng ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_dialog.py" line="51"/>
        <source>Title or award form aimed at</source>
        <translation>Danh hiệu, hình thức đăng ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_dialog.py" line="52"/>
        <source>Date registered</source>
        <translation>Ngày đăng ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_dialog.py" line="54"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_dialog.py" line="55"/>
        <source>Members who register on this collective&apos;s list (Lao động tiên tiến):</source>
        <translation>Thành viên đăng ký theo danh sách của tập thể này (Lao động tiên tiến):</translation>
    </message>
</context>
</TS>
